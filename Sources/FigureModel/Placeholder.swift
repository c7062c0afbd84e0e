// Placeholder: the FigureModel layer is built in its own files.

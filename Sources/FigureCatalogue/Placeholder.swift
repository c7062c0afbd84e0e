// Placeholder: the FigureCatalogue layer is built in its own files.

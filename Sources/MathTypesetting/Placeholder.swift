// Placeholder: the MathTypesetting layer is built in its own files.

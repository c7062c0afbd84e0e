// Placeholder: the Handouts layer is built in its own files.

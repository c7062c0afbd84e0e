// Placeholder: the CairoRender layer is built in its own files.

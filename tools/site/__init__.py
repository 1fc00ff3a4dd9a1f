"""The site build: the MkDocs hooks, the files they read, and a server for the built site."""

"""One module per `vb` command; each has `register(subparsers)`."""

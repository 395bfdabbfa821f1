# cmd/

# tests/contract: every batch command through Stoplight Prism built from the real Kibana spec.
TESTS += tests/contract/contract_cli.py
EXTRA_DIST += tests/contract/contract_cli.py tests/contract/oas.py tests/contract/README.md \
	tests/contract/package.json tests/contract/package-lock.json

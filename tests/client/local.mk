# tests/client: the client through the real worker against the in-process demo server.
KT_TESTS += tests/client/test_client_cases
KT_TESTS += tests/client/test_client_faults

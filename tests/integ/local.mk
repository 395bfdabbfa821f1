# tests/integ: the client on the wire, against a libmicrohttpd test server started inside each test.
KT_TESTS += tests/integ/test_cmdrun
KT_TESTS += tests/integ/test_batch

# tests/issue5: alerts, conversations, endpoints, response actions and sessions (models, requests, commands).
KT_TESTS += tests/issue5/test_i5_commands

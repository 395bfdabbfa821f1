# tests/issue6: the rest of the seed document, the api console and the JSON viewer (models, requests, commands).
KT_TESTS += tests/issue6/test_i6_jsontree


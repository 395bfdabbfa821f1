# tests/demo: the demo Kibana's generator, query evaluator, HTTP routes, faults, front end and contract.
KT_TESTS += tests/demo/test_demo_data
KT_TESTS += tests/demo/test_demo_query
KT_TESTS += tests/demo/test_demo_http
KT_TESTS += tests/demo/test_demo_cases
KT_TESTS += tests/demo/test_demo_endpoint
KT_TESTS += tests/demo/test_demo_faults
KT_TESTS += tests/demo/test_demo_main
KT_TESTS += tests/demo/test_demo_ai
KT_TESTS += tests/demo/test_demo_kibana
KT_TESTS += tests/demo/test_demo_history
KT_TESTS += tests/demo/test_demo_server
KT_TESTS += tests/demo/test_demo_util
# A stand-in for `ktriage serve-demo` that contract_demo.py starts.
check_PROGRAMS += tests/demo/demo_serve
TESTS += tests/demo/contract_demo.py
EXTRA_DIST += tests/demo/contract_demo.py
KT_TESTS += tests/demo/test_demo_zip
KT_TESTS += tests/demo/test_demo_agent

# tests/demo: the demo Kibana's generator, query evaluator, HTTP routes, faults and contract.
check_PROGRAMS += tests/demo/demo_serve
tests_demo_demo_serve_SOURCES = tests/demo/demo_serve.c
tests_demo_demo_serve_LDADD = $(DEMO_LIBS)

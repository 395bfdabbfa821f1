# tests/issue6: the rest of the seed document, the api console and the JSON viewer (models, requests, commands).
KT_TESTS += tests/issue6/test_i6_models
KT_TESTS += tests/issue6/test_i6_requests
KT_TESTS += tests/issue6/test_i6_jsontree
KT_TESTS += tests/issue6/test_i6_commands

# The seed document's response examples (JSON only), uploads and a test CA certificate.
EXTRA_DIST += \
	tests/issue6/fixtures/bulk_assets_200.json \
	tests/issue6/fixtures/endpoint_list_find_200.json \
	tests/issue6/fixtures/entity_init_200.json \
	tests/issue6/fixtures/entity_start_200.json \
	tests/issue6/fixtures/entity_stop_200.json \
	tests/issue6/fixtures/fleet_file_delete_200.json \
	tests/issue6/fixtures/fleet_server_host_create_200.json \
	tests/issue6/fixtures/fleet_server_hosts_200.json \
	tests/issue6/fixtures/list_delete_200.json \
	tests/issue6/fixtures/ml_sync_200.json \
	tests/issue6/fixtures/risk_configure_200.json \
	tests/issue6/fixtures/risk_configure_default.json \
	tests/issue6/fixtures/timeline_import_200.json \
	tests/issue6/fixtures/timelines.ndjson \
	tests/issue6/fixtures/timelines_mixed.ndjson \
	tests/issue6/fixtures/fleet-test-ca.pem

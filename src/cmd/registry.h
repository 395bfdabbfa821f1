/* The command groups: each cmd_*.c file declares its commands, listed here once. */
#ifndef KT_REGISTRY_H
#define KT_REGISTRY_H
#include "cmd/cmd.h"

/* help (help.c). */
extern const struct cmd_def cmd_help_defs[];
/* theme, bind, set (cmd_ui.c). */
extern const struct cmd_def cmd_ui_defs[];
/* Cases, connectors and cases-for-alert commands (cmd_cases.c). */
extern const struct cmd_def cmd_cases_defs[];
/* Commands that change cases (cmd_case_edit.c). */
extern const struct cmd_def cmd_case_edit_defs[];
/* The alerts list (cmd_alerts.c). */
extern const struct cmd_def cmd_alerts_defs[];
/* Alert status and attach-to-case (cmd_alert_edit.c). */
extern const struct cmd_def cmd_alert_edit_defs[];
/* AI-assistant conversations (cmd_ai.c). */
extern const struct cmd_def cmd_ai_defs[];
/* Response-action history (cmd_actions.c). */
extern const struct cmd_def cmd_actions_defs[];
/* Endpoints and the response actions taken on them (cmd_endpoint.c). */
extern const struct cmd_def cmd_endpoint_defs[];
/* Session invalidation (cmd_sessions.c). */
extern const struct cmd_def cmd_sessions_defs[];
/* Dashboards, ML saved objects and streams (cmd_stack.c). */
extern const struct cmd_def cmd_stack_defs[];
/* Fleet files, assets and Fleet Server hosts (cmd_fleet.c). */
extern const struct cmd_def cmd_fleet_defs[];
/* Endpoint exceptions and value lists (cmd_exceptions.c). */
extern const struct cmd_def cmd_exceptions_defs[];
/* Entity engines and the risk engine (cmd_entity.c). */
extern const struct cmd_def cmd_entity_defs[];
/* Timeline import and notes (cmd_timeline.c). */
extern const struct cmd_def cmd_timeline_defs[];
/* The raw API console (cmd_api.c). */
extern const struct cmd_def cmd_api_defs[];
/* Asking the AI assistant, the reply streamed (cmd_assistant.c). */
extern const struct cmd_def cmd_assistant_defs[];
/* version: ktriage's and Kibana's (cmd_version.c). */
extern const struct cmd_def cmd_version_defs[];
/* doctor: the first checks against a deployment (cmd_doctor.c). */
extern const struct cmd_def cmd_doctor_defs[];
/* A case's story and its Markdown report (cmd_case_story.c). */
extern const struct cmd_def cmd_case_story_defs[];
/* Spaces, and switching profile or space (cmd_context.c). */
extern const struct cmd_def cmd_context_defs[];

/* Response actions on endpoints (cmd_respond.c). */
extern const struct cmd_def cmd_respond_defs[];

#endif

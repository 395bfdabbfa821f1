# Shell completion for bash, zsh and fish: made at build time from the command table by
# `ktriage completion SHELL`, so it cannot drift from the commands. The directories are where
# each shell looks by default under the prefix; override them at install time if yours differ
# (the Debian package puts zsh's in vendor-completions).
bashcompletiondir = $(datadir)/bash-completion/completions
zshcompletiondir = $(datadir)/zsh/site-functions
fishcompletiondir = $(datadir)/fish/vendor_completions.d
bashcompletion_DATA = completion/ktriage
zshcompletion_DATA = completion/_ktriage
fishcompletion_DATA = completion/ktriage.fish
CLEANFILES += $(bashcompletion_DATA) $(zshcompletion_DATA) $(fishcompletion_DATA)
completion/ktriage: src/ktriage$(EXEEXT)
	$(AM_V_GEN)$(MKDIR_P) completion && src/ktriage completion bash > $@
completion/_ktriage: src/ktriage$(EXEEXT)
	$(AM_V_GEN)$(MKDIR_P) completion && src/ktriage completion zsh > $@
completion/ktriage.fish: src/ktriage$(EXEEXT)
	$(AM_V_GEN)$(MKDIR_P) completion && src/ktriage completion fish > $@

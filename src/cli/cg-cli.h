/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cg-cli.h: the command-line work, done before any window exists (no display needed). */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Returns TRUE and sets *exit_status when argv asked for command-line work
 * (--check, --report, --export-*, --version, --help); FALSE to start the app. */
gboolean cg_cli_run (int argc, char **argv, int *exit_status);

/* Prints why @path (as typed) could not be loaded, "PATH:LINE:COLUMN:
 * message", on stderr: the loader names the file by its base name (as the
 * app's dialogs do); here it is named as typed, so editors and CI jobs can
 * open it. */
void cg_cli_print_load_error (const char *path, const GError *error);

/* The commands, in their own files; each gets argv from its option on. */
int cg_cli_check (int argc, char **argv);
int cg_cli_report (int argc, char **argv);
int cg_cli_export_csv (int argc, char **argv);
int cg_cli_serve (int argc, char **argv);

G_END_DECLS

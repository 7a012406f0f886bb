/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cg-cli-export.h: the PDF exports of the command line. Each gets argv from
 * its option on and returns the exit status. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

int cg_cli_export_charter (int argc, char **argv);
int cg_cli_export_report (int argc, char **argv);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cg-cli-report.h: the analysis and the raw answers as text, CSV and JSON.
 * Only the command line uses these; the numbers all come from cg-analysis. */
#pragma once

#include "cg-analysis.h"

G_BEGIN_DECLS

GString *cg_report_text (CgSession *session);
GString *cg_report_csv (CgSession *session);
GString *cg_report_json (CgSession *session);
GString *cg_export_answers_csv (CgSession *session);

/* The ids files use: "p3", "s2", "a7", "t9". */
char *cg_report_partner_ref (guint id);
char *cg_report_item_ref (CgSession *session, guint item_id);
char *cg_report_task_ref (guint id);
/* Partner names for an array of partner ids, joined by @sep; "" if empty. */
char *cg_report_join_names (CgSession *session, GArray *partner_ids, const char *sep);
/* The flags raised on a task as keywords ("gap", "no-doer"...) or, with
 * @labels, translated labels; NULL-terminated, free with g_strfreev(). */
char **cg_report_task_flags (const CgTaskStats *stats, gboolean labels);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cg-report-layout.h: the results report as pages.
 *
 * The session summary, the Review stage's charts, the statistics of every
 * rated item and task, and the partners' comments, paginated by the same
 * engine as the charter. Answers of a stage still hidden are left out, as
 * the Review stage leaves them out.
 */
#pragma once

#include "cg-page-layout.h"
#include "cg-session.h"

G_BEGIN_DECLS

/* A table cell names this many partners at most, then says how many more
 * ("... and 48 others"): in a room of 200 a list of everyone who claims
 * Responsible is a page of names, and the CSV export has them all. */
#define CG_REPORT_MAX_NAMES 8

/* @context and @margins may be NULL (see cg_page_layout_new()). */
CgPageLayout *cg_report_layout_new (CgSession *session,
                                    PangoContext *context,
                                    double page_width,
                                    double page_height,
                                    const CgPageMargins *margins);

gboolean cg_report_export_pdf (CgSession *session,
                               const char *path,
                               CgPaperSize paper,
                               GError **error);

/* "3.72", or an em dash for a value that does not exist (NAN). */
char *cg_report_format_number (double value);

G_END_DECLS

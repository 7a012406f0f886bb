/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cg-report-charts.h: the Review stage's charts as figures of the report.
 *
 * Each chart is one figure of the page layout, drawn in the print style at
 * the full content width, so it is never split across pages; a figure taller
 * than a page is scaled down whole. Hidden answers stay hidden: the charts
 * honour cg_session_answers_visible() themselves.
 */
#pragma once

#include "cg-page-layout.h"
#include "cg-session.h"

G_BEGIN_DECLS

/* The radar of the five lessons, the heat map of every rated item, and a
 * dot strip per item in the Review's order (the first
 * CG_REPORT_MAX_STRIPS of them). */
void cg_report_add_charts (CgPageLayout *doc, CgSession *session);

/* A workshop rates a few dozen items; a dot strip is a third of a page, so
 * past this many the strips show the most divergent and the table of
 * statistics per item carries the rest (a 1,000-item session would
 * otherwise print a thousand pages of strips). */
#define CG_REPORT_MAX_STRIPS 40
/* The items that get a dot strip, in the Review's order, and how many rated
 * items were left out (@n_left_out may be NULL). */
GArray *cg_report_strip_items (CgSession *session, guint *n_left_out);
/* A heat map of the report's "Every rating": the items it shows, the
 * lesson's or the aims' title (NULL when it shows every item), and whether
 * it prints legibly on a page (an illegible one is named, not drawn). */
typedef struct
{
  char *title;
  GArray *items;
  gboolean legible;
} CgReportHeatmap;
/* Every rated item in one heat map when that is legible at @width x
 * @height; else one per lesson and one for the aims. */
GPtrArray *cg_report_heatmaps (CgSession *session, double width, double height);
/* A role matrix prints about 80 letters a page: past this many (a room of
 * 30 with 130 tasks, or 200 with 20) it would run to more than 50 pages,
 * and the report gives a note and the table of claims instead. */
#define CG_REPORT_MAX_MATRIX_CELLS 4000
gboolean cg_report_prints_role_matrix (CgSession *session);
/* The role matrix (tasks x partners); nothing when there are no tasks, a
 * note when it has more than CG_REPORT_MAX_MATRIX_CELLS letters. */
void cg_report_add_role_matrix (CgPageLayout *doc, CgSession *session);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cg-chart-items.h: which rated items the charts draw, and their short
 * names. Kept apart from cg-chart-style.h, which holds the look; the order
 * items are reviewed in is statistics, cg_analysis_review_order(). */
#pragma once

#include "cg-analysis.h"

G_BEGIN_DECLS

/* Short item labels: "3.2" for the second statement of lesson 3, "A1" for
 * the first aim. */
char *cg_chart_item_label (CgSession *session, guint item_id);
/* The stage whose reveal governs @item_id's answers. */
CgStage cg_chart_item_stage (CgSession *session, guint item_id);
gboolean cg_chart_item_visible (CgSession *session, guint item_id);

/* Item ids: lesson 0..4 gives that lesson's statements; CG_CHART_ALL_LESSONS
 * gives every statement, then (with @with_aims) the aims. */
#define CG_CHART_ALL_LESSONS G_MAXUINT
GArray *cg_chart_collect_items (CgSession *session, guint lesson, gboolean with_aims);

/* The five scale words for items of @kind: agreement for statements,
 * importance for aims. @rating 1..5. */
const char *cg_chart_scale_word (CgItemKind kind, guint rating);

G_END_DECLS

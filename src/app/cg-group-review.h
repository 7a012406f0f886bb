/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cg-group-review.h: the Review's "By group" section.
 *
 * Shown when at least two groups have partners: a heat map of groups x
 * lessons and the statements and aims where groups differ most (a flagged
 * gap, cg_analysis_group_divides()), each naming the two groups. Entries
 * open their stage through win.goto-stage. Answers of a stage still hidden
 * appear nowhere; a group of one partner is marked as such.
 */
#pragma once

#include <gtk/gtk.h>
#include "cg-session.h"

G_BEGIN_DECLS

#define CG_TYPE_GROUP_REVIEW (cg_group_review_get_type ())
G_DECLARE_FINAL_TYPE (CgGroupReview, cg_group_review, CG, GROUP_REVIEW, GtkWidget)

GtkWidget *cg_group_review_new (void);
void cg_group_review_set_session (CgGroupReview *self, CgSession *session);
/* For tests: the list of items where groups differ most. */
GtkWidget *cg_group_review_get_list (CgGroupReview *self);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cg-review-page.h: the Review stage, the agreement and divergence dashboard.
 *
 * "Talk about these first" (each entry opens its stage through the
 * win.goto-stage action), a partner key, a dot strip per statement and aim
 * with divergent items first, the radar of the five lessons, "By group"
 * (CgGroupReview, when two groups have partners), the heat map and the role
 * matrix. It follows the session's "changed" signal. Answers of
 * a stage that is hidden and not yet revealed appear nowhere on the page.
 */
#pragma once

#include <gtk/gtk.h>
#include "cg-session.h"

G_BEGIN_DECLS

#define CG_TYPE_REVIEW_PAGE (cg_review_page_get_type ())
G_DECLARE_FINAL_TYPE (CgReviewPage, cg_review_page, CG, REVIEW_PAGE, GtkWidget)

GtkWidget *cg_review_page_new (void);
CgSession *cg_review_page_get_session (CgReviewPage *self);
void cg_review_page_set_session (CgReviewPage *self, CgSession *session);
/* For tests: the list of entries, and the box of dot strips and hidden
 * notices, both in the order shown. */
GtkWidget *cg_review_page_get_talk_list (CgReviewPage *self);
GtkWidget *cg_review_page_get_strips (CgReviewPage *self);

G_END_DECLS

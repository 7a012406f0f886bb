/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cg-presentation-content.h: what the presentation view shows for one
 * stage and item, built as plain widgets. Only what the room should see:
 * no editing controls, and answers only where the session lets them show
 * (the charts and the texts here honour hidden-until-reveal; private entry
 * hides every answer while the laptop is passed round).
 */
#pragma once

#include <gtk/gtk.h>
#include "cg-session.h"

G_BEGIN_DECLS

/* Smallest text a chart may use on the projector, and the size of the
 * view's base text relative to the window height (30 px at 1080). */
#define CG_PRESENTATION_MIN_CHART_PX 24.0
#define CG_PRESENTATION_BASE_RATIO (30.0 / 1080.0)

typedef struct
{
  GtkWidget *widget;     /* the content, for the view's scrolled area */
  GtkWidget *main_label; /* the statement, aim or heading; may be NULL */
  char *position;        /* "Statement 1.2 · 2 of 5", or NULL */
} CgPresentationContent;

/* How many items Page Up / Page Down step through on @stage (at least 1). */
guint cg_presentation_count_items (CgSession *session, CgStage stage);
/* The item a rated stage shows for @item_id, or -1. */
int cg_presentation_item_for_id (CgSession *session, CgStage stage, guint item_id);
void cg_presentation_content_build (CgSession *session,
                                    CgStage stage,
                                    guint item,
                                    gboolean private_entry,
                                    CgPresentationContent *out);
void cg_presentation_content_clear (CgPresentationContent *content);

G_END_DECLS

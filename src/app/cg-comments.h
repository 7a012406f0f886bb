/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cg-comments.h: one free-text comment per partner for a lesson. Typing is
 * written to the session after a short pause, on leaving the box, and when
 * the widget goes away, so an undo step is a phrase, not a letter.
 */
#pragma once

#include <gtk/gtk.h>
#include "cg-session.h"

G_BEGIN_DECLS

#define CG_TYPE_COMMENTS (cg_comments_get_type ())
G_DECLARE_FINAL_TYPE (CgComments, cg_comments, CG, COMMENTS, GtkWidget)

GtkWidget *cg_comments_new (guint lesson);
void cg_comments_set_session (CgComments *self, CgSession *session);
void cg_comments_set_lesson (CgComments *self, guint lesson);
/* Private entry: only this partner's comment is shown; 0 shows all. */
void cg_comments_set_only_partner (CgComments *self, guint partner_id);
/* Writes any typing not yet in the session. */
void cg_comments_flush (CgComments *self);

G_END_DECLS

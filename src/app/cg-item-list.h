/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cg-item-list.h: an editable list of a stage's items: a lesson's
 * statements, the candidate aims (with an "Agreed" toggle) or the role
 * tasks. Add, reword, move up and down, remove; every edit goes through the
 * session (so it is undoable) and the list redraws from its signals.
 */
#pragma once

#include <gtk/gtk.h>
#include "cg-session.h"

G_BEGIN_DECLS

#define CG_TYPE_ITEM_LIST (cg_item_list_get_type ())
G_DECLARE_FINAL_TYPE (CgItemList, cg_item_list, CG, ITEM_LIST, GtkWidget)

/* @stage: a lesson stage (statements), CG_STAGE_AIMS or CG_STAGE_ROLES (tasks). */
GtkWidget *cg_item_list_new (CgStage stage);
void cg_item_list_set_session (CgItemList *self, CgSession *session);
void cg_item_list_set_stage (CgItemList *self, CgStage stage);

G_END_DECLS

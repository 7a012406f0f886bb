/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cg-role-grid.h: the capture grid for role clarity. One row per task, one
 * column per partner. In the INVOLVEMENT mode a cell is the partner's own
 * RACI part (keys R, A, C, I, N or -; Backspace clears). In the ACCOUNTABLE
 * mode a cell is the partner the column's partner believes is Accountable
 * (keys 1-9 pick a partner by number, a letter picks the next partner whose
 * name starts with it, 0/Backspace clear, Space opens a list).
 */
#pragma once

#include <gtk/gtk.h>
#include "cg-session.h"

G_BEGIN_DECLS

typedef enum
{
  CG_ROLE_GRID_INVOLVEMENT,
  CG_ROLE_GRID_ACCOUNTABLE,
} CgRoleGridMode;

#define CG_TYPE_ROLE_GRID (cg_role_grid_get_type ())
G_DECLARE_FINAL_TYPE (CgRoleGrid, cg_role_grid, CG, ROLE_GRID, GtkWidget)

GtkWidget     *cg_role_grid_new (CgSession *session, CgRoleGridMode mode);
CgSession     *cg_role_grid_get_session (CgRoleGrid *self);
void           cg_role_grid_set_session (CgRoleGrid *self, CgSession *session);
CgRoleGridMode cg_role_grid_get_mode (CgRoleGrid *self);
void           cg_role_grid_set_mode (CgRoleGrid *self, CgRoleGridMode mode);
guint          cg_role_grid_get_only_partner (CgRoleGrid *self);
void           cg_role_grid_set_only_partner (CgRoleGrid *self, guint partner_id);

gboolean       cg_role_grid_handle_key (CgRoleGrid *self, guint keyval, GdkModifierType state);
gboolean       cg_role_grid_get_cursor (CgRoleGrid *self, guint *row, guint *column);
void           cg_role_grid_set_cursor (CgRoleGrid *self, guint row, guint column);
GtkWidget     *cg_role_grid_get_cell (CgRoleGrid *self, guint row, guint column);

/* The list of choices a click or Space on a cell opens (for tests). */
GtkWidget  *cg_role_grid_get_popover (CgRoleGrid *self);

G_END_DECLS

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
#include "cg-capture-grid.h"
#include "cg-session.h"

G_BEGIN_DECLS

typedef enum {
  CG_ROLE_GRID_INVOLVEMENT,
  CG_ROLE_GRID_ACCOUNTABLE,
} CgRoleGridMode;

#define CG_TYPE_ROLE_GRID (cg_role_grid_get_type ())
G_DECLARE_FINAL_TYPE (CgRoleGrid, cg_role_grid, CG, ROLE_GRID, CgCaptureGrid)

GtkWidget *cg_role_grid_new (CgSession *session, CgRoleGridMode mode);
CgRoleGridMode cg_role_grid_get_mode (CgRoleGrid *self);
void cg_role_grid_set_mode (CgRoleGrid *self, CgRoleGridMode mode);

/* cg_role_grid_get_session, _set_session, _get_only_partner,
 * _set_only_partner, _handle_key, _get_cursor, _set_cursor, _get_cell,
 * _get_popover: CgCaptureGrid's. */
CG_CAPTURE_GRID_TYPED_METHODS (cg_role_grid, CgRoleGrid)

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cg-roles-page.h: the Role clarity stage: the tasks, every partner's own
 * RACI part, and whom each partner believes is Accountable.
 */
#pragma once

#include <gtk/gtk.h>
#include "cg-session.h"

G_BEGIN_DECLS

#define CG_TYPE_ROLES_PAGE (cg_roles_page_get_type ())
G_DECLARE_FINAL_TYPE (CgRolesPage, cg_roles_page, CG, ROLES_PAGE, GtkWidget)

/* A CgStagePage. */
GtkWidget *cg_roles_page_new (void);
void cg_roles_page_set_session (CgRolesPage *self, CgSession *session);
/* The two capture grids (CgRoleGrid): own part, and believed Accountable. */
GtkWidget *cg_roles_page_get_involvement_grid (CgRolesPage *self);
GtkWidget *cg_roles_page_get_accountable_grid (CgRolesPage *self);

G_END_DECLS

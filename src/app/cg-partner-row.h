/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "cg-session.h"

G_BEGIN_DECLS

#define CG_TYPE_PARTNER_ROW (cg_partner_row_get_type ())
G_DECLARE_FINAL_TYPE (CgPartnerRow, cg_partner_row, CG, PARTNER_ROW, GtkListBoxRow)

/* One partner of @session, edited in place. The page that owns the row
 * calls the update functions when the session says the partner changed. */
GtkWidget *cg_partner_row_new (CgSession *session, guint partner_id);
guint cg_partner_row_get_partner_id (CgPartnerRow *self);
void cg_partner_row_update (CgPartnerRow *self);
void cg_partner_row_update_position (CgPartnerRow *self);
void cg_partner_row_update_suggestions (CgPartnerRow *self);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "cg-session.h"

G_BEGIN_DECLS

#define CG_TYPE_PARTNERS_PAGE (cg_partners_page_get_type ())
G_DECLARE_FINAL_TYPE (CgPartnersPage, cg_partners_page, CG, PARTNERS_PAGE, GtkWidget)

GtkWidget *cg_partners_page_new (void);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "cg-session.h"

G_BEGIN_DECLS

#define CG_TYPE_SESSION_PAGE (cg_session_page_get_type ())
G_DECLARE_FINAL_TYPE (CgSessionPage, cg_session_page, CG, SESSION_PAGE, GtkWidget)

/* The Session stage (title, date, facilitator, context, hidden answers): a
 * CgStagePage. */
GtkWidget *cg_session_page_new (void);

G_END_DECLS

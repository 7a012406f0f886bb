/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cg-stage-page.h: what the window knows of a stage's page. A page shows
 * one stage of the workshop ("stage", fixed when it is made) for the
 * session the window hands it ("session"; NULL when there is none). A page
 * listens to its session through a GSignalGroup, so handing it another
 * session moves every connection at once.
 */
#pragma once

#include <gtk/gtk.h>
#include "cg-session.h"

G_BEGIN_DECLS

#define CG_TYPE_STAGE_PAGE (cg_stage_page_get_type ())
G_DECLARE_INTERFACE (CgStagePage, cg_stage_page, CG, STAGE_PAGE, GtkWidget)

struct _CgStagePageInterface
{
  GTypeInterface parent_iface;
};

/* For the class_init of a page: its PROP_SESSION and PROP_STAGE ids are
 * the interface's "session" and "stage". Returns the "session" pspec to
 * notify with. */
GParamSpec *cg_stage_page_override_properties (GObjectClass *klass,
                                               guint session_id,
                                               guint stage_id);

CgSession *cg_stage_page_get_session (CgStagePage *self);
void cg_stage_page_set_session (CgStagePage *self, CgSession *session);
CgStage cg_stage_page_get_stage (CgStagePage *self);

G_END_DECLS

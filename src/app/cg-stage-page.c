/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cg-stage-page"
#include "config.h"

#include "cg-stage-page.h"

G_DEFINE_INTERFACE (CgStagePage, cg_stage_page, GTK_TYPE_WIDGET)

static void
cg_stage_page_default_init (CgStagePageInterface *iface)
{
  g_object_interface_install_property (
    iface,
    g_param_spec_object ("session", NULL, NULL, CG_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_interface_install_property (
    iface, g_param_spec_int ("stage", NULL, NULL, CG_STAGE_SESSION, CG_N_STAGES - 1,
                             CG_STAGE_SESSION, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
}

GParamSpec *
cg_stage_page_override_properties (GObjectClass *klass,
                                   guint         session_id,
                                   guint         stage_id)
{
  g_object_class_override_property (klass, session_id, "session");
  g_object_class_override_property (klass, stage_id, "stage");
  return g_object_class_find_property (klass, "session");
}

CgSession *
cg_stage_page_get_session (CgStagePage *self)
{
  g_autoptr (CgSession) session = NULL;

  g_return_val_if_fail (CG_IS_STAGE_PAGE (self), NULL);
  g_object_get (self, "session", &session, NULL);
  /* Not a new reference: the page holds one. */
  return session;
}

void
cg_stage_page_set_session (CgStagePage *self,
                           CgSession   *session)
{
  g_return_if_fail (CG_IS_STAGE_PAGE (self));
  g_return_if_fail (session == NULL || CG_IS_SESSION (session));
  g_object_set (self, "session", session, NULL);
}

CgStage
cg_stage_page_get_stage (CgStagePage *self)
{
  int stage = CG_STAGE_SESSION;

  g_return_val_if_fail (CG_IS_STAGE_PAGE (self), CG_STAGE_SESSION);
  g_object_get (self, "stage", &stage, NULL);
  return stage;
}

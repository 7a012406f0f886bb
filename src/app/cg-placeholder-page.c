/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cg-placeholder-page"
#include "config.h"

#include <glib/gi18n.h>

#include "cg-placeholder-page.h"

struct _CgPlaceholderPage
{
  GtkWidget parent_instance;

  /* Owned */
  CgSession *session;
};

G_DEFINE_FINAL_TYPE (CgPlaceholderPage, cg_placeholder_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SESSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
cg_placeholder_page_dispose (GObject *object)
{
  CgPlaceholderPage *self = CG_PLACEHOLDER_PAGE (object);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (cg_placeholder_page_parent_class)->dispose (object);
}

static void
cg_placeholder_page_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  CgPlaceholderPage *self = CG_PLACEHOLDER_PAGE (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cg_placeholder_page_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  CgPlaceholderPage *self = CG_PLACEHOLDER_PAGE (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      if (g_set_object (&self->session, g_value_get_object (value)))
        g_object_notify_by_pspec (object, pspec);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cg_placeholder_page_class_init (CgPlaceholderPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cg_placeholder_page_dispose;
  object_class->get_property = cg_placeholder_page_get_property;
  object_class->set_property = cg_placeholder_page_set_property;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, CG_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
cg_placeholder_page_init (CgPlaceholderPage *self)
{
}

GtkWidget *
cg_placeholder_page_new (CgStage     stage,
                         const char *description)
{
  CgPlaceholderPage *self;
  GtkWidget *status;

  g_return_val_if_fail (stage < CG_N_STAGES, NULL);

  self = g_object_new (CG_TYPE_PLACEHOLDER_PAGE, NULL);
  status = adw_status_page_new ();
  adw_status_page_set_icon_name (ADW_STATUS_PAGE (status), "document-edit-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (status), cg_stage_get_title (stage));
  adw_status_page_set_description (ADW_STATUS_PAGE (status), description);
  gtk_widget_set_parent (status, GTK_WIDGET (self));
  return GTK_WIDGET (self);
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cg-application"
#include "config.h"

#include <glib/gi18n.h>

#include "cg-application.h"

struct _CgApplication
{
  AdwApplication parent_instance;
};

G_DEFINE_FINAL_TYPE (CgApplication, cg_application, ADW_TYPE_APPLICATION)

static void
cg_application_activate (GApplication *app)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (window == NULL)
    {
      window = GTK_WINDOW (adw_application_window_new (GTK_APPLICATION (app)));
      gtk_window_set_title (window, _("Common Ground"));
      gtk_window_set_default_size (window, 1100, 720);
    }
  gtk_window_present (window);
}

static void
cg_application_class_init (CgApplicationClass *klass)
{
  G_APPLICATION_CLASS (klass)->activate = cg_application_activate;
}

static void
cg_application_init (CgApplication *self)
{
}

CgApplication *
cg_application_new (void)
{
  return g_object_new (CG_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       NULL);
}

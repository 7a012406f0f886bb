/* SPDX-License-Identifier: GPL-3.0-or-later */
/* room-preview: the main window on a sample with the room's popover up, or
 * the presentation view, for looking at them (ui-look). Not installed.
 *   room-preview FILE popover|present [open] [STAGE]
 */
#include "config.h"

#include <adwaita.h>

#include "cg-session-xml.h"
#include "cg-window.h"

static GtkWidget *
find_menu_button (GtkWidget *root, const char *name)
{
  if (GTK_IS_MENU_BUTTON (root)
      && g_strcmp0 (gtk_widget_get_tooltip_text (root), NULL) != 0
      && g_str_has_prefix (gtk_widget_get_tooltip_text (root), name))
    return root;
  for (GtkWidget *c = gtk_widget_get_first_child (root); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_menu_button (c, name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
popup_cb (gpointer data)
{
  CgWindow *window = data;
  GtkWidget *button = find_menu_button (GTK_WIDGET (window), "Let partners")
                      ?: find_menu_button (GTK_WIDGET (window), "The room is open");

  if (button != NULL)
    gtk_menu_button_popup (GTK_MENU_BUTTON (button));
  return G_SOURCE_REMOVE;
}

static void
activate (GtkApplication *app, char **argv)
{
  g_autoptr (GFile) file = g_file_new_for_commandline_arg (argv[1]);
  g_autoptr (GError) error = NULL;
  g_autoptr (CgSession) session = cg_session_xml_load_file (file, NULL, &error);
  CgWindow *window;
  CgStage stage;

  if (session == NULL)
    g_error ("%s", error->message);
  window = cg_window_new (NULL);
  gtk_window_set_application (GTK_WINDOW (window), app);
  cg_window_set_session (window, session);
  for (int i = 3; argv[i] != NULL; i++)
    if (cg_stage_from_string (argv[i], &stage))
      cg_window_set_stage (window, stage);
  gtk_window_present (GTK_WINDOW (window));
  if (g_strv_contains ((const char *const *) argv, "open"))
    gtk_widget_activate_action (GTK_WIDGET (window), "win.room-open", NULL);
  if (g_str_equal (argv[2], "present"))
    gtk_widget_activate_action (GTK_WIDGET (window), "win.present", NULL);
  else
    g_timeout_add (500, popup_cb, window);
}

int
main (int argc, char **argv)
{
  g_autoptr (AdwApplication) app = NULL;

  if (argc < 3)
    {
      g_printerr ("usage: room-preview FILE popover|present [open] [STAGE]\n");
      return 2;
    }
  /* The app's own id, so libadwaita loads its style.css. */
  app = adw_application_new (APP_ID, G_APPLICATION_NON_UNIQUE);
  g_signal_connect (app, "activate", G_CALLBACK (activate), argv);
  return g_application_run (G_APPLICATION (app), 1, argv);
}

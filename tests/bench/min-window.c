/* SPDX-License-Identifier: GPL-3.0-or-later */
/* min-window: the startup floor for build-aux/bench. The smallest
 * libadwaita application with a window (a header bar and a status page),
 * quitting after its first frame the way CG_QUIT_AFTER_FIRST_FRAME makes
 * Common Ground do, so the two times compare like with like. */
#include "config.h"

#include <adwaita.h>

static void
painted (GdkFrameClock *clock,
         gpointer       app)
{
  g_signal_handlers_disconnect_by_func (clock, painted, app);
  g_application_quit (G_APPLICATION (app));
}

static void
realized (GtkWidget *window,
          gpointer   app)
{
  g_signal_connect_object (gtk_widget_get_frame_clock (window), "after-paint", G_CALLBACK (painted),
                           app, 0);
}

static void
activate (GApplication *app)
{
  GtkWidget *window = adw_application_window_new (GTK_APPLICATION (app));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *status = adw_status_page_new ();

  adw_status_page_set_title (ADW_STATUS_PAGE (status), "Floor");
  gtk_widget_set_vexpand (status, TRUE);
  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  gtk_box_append (GTK_BOX (box), status);
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), box);
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 720);
  g_signal_connect (window, "realize", G_CALLBACK (realized), app);
  gtk_window_present (GTK_WINDOW (window));
}

int
main (int    argc,
      char **argv)
{
  g_autoptr (AdwApplication) app =
    adw_application_new ("io.github.commonground.BenchFloor", G_APPLICATION_DEFAULT_FLAGS);

  g_signal_connect (app, "activate", G_CALLBACK (activate), NULL);
  return g_application_run (G_APPLICATION (app), argc, argv);
}

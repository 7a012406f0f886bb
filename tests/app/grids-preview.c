/* SPDX-License-Identifier: GPL-3.0-or-later */
/* grids-preview: shows one capture page filled with sample answers, for
 * looking at it (ui-look) before the window exists. Not installed.
 *   grids-preview lesson|aims|roles|hidden|private [N_PARTNERS]
 */
#include "config.h"

#include <adwaita.h>

#include "cg-aims-page.h"
#include "cg-capture-bar.h"
#include "cg-lesson-page.h"
#include "cg-roles-page.h"

static const char *const names[] = {
  "Alex Smith",   "Sam Jones",    "Priya Patel", "Tom Brown",   "Grace Okafor", "Li Wei",
  "Maria Garcia", "John O'Neill", "Fatima Khan", "Ewan Mackay", "Ruth Cohen",   "Ola Nordmann",
};
static const char *const orgs[] = {
  "Social Services", "GP practice",     "Housing",
  "Primary school",  "Health visiting", "Family charity",
};

static CgSession *
sample_session (guint n_partners)
{
  CgSession *s = cg_session_new ();
  const char *statements[] = {
    "We have a shared, clear purpose",
    "Leadership is accepted by all partners",
    "Partnership is the right approach for this issue",
    "Every partner knows why it is here",
    "Decisions are made openly",
  };
  const char *tasks[] = { "Lead the needs assessment", "Share safeguarding concerns",
                          "Manage the pooled budget", "Chair the weekly meeting" };
  const char *prompts[] = { "What are we here to achieve together?",
                            "Who leads, and does everyone accept it?", NULL };

  cg_session_set_lesson_intro (
    s, 0,
    "A partnership works when every partner shares a clear purpose and "
    "accepts how it is led. Partnership must also be the right way to tackle the issue.");
  cg_session_set_lesson_prompts (s, 0, prompts);
  for (guint i = 0; i < n_partners; i++)
    cg_session_add_partner (s, names[i % G_N_ELEMENTS (names)], orgs[i % G_N_ELEMENTS (orgs)], "");
  for (guint i = 0; i < G_N_ELEMENTS (statements); i++)
    cg_session_add_statement (s, 0, statements[i]);
  for (guint i = 0; i < G_N_ELEMENTS (tasks); i++)
    cg_session_add_task (s, tasks[i]);
  cg_session_add_aim (s, "Fewer missed school days");
  cg_session_add_aim (s, "One shared plan per family");
  for (guint p = 0; p < n_partners; p++)
    for (guint i = 0; i < 4; i++)
      {
        guint pid = cg_session_get_partner (s, p)->id;
        const CgTask *t = cg_session_get_task (s, i);

        cg_session_set_rating (s, pid, cg_session_get_statement (s, 0, i)->id,
                               1 + (p * 3 + i * 2) % 6);
        cg_session_set_involvement (s, pid, t->id, 1 + (p + i) % 5);
        cg_session_set_believed_accountable (s, pid, t->id,
                                             cg_session_get_partner (s, (p + i) % n_partners)->id);
        if (i < 2)
          cg_session_set_rating (s, pid, cg_session_get_aim (s, i)->id, 1 + (p + i * 3) % 5);
      }
  cg_session_set_comment (s, cg_session_get_partner (s, 0)->id, 0,
                          "We agree on the aim but not on who leads.");
  return s;
}

static GtkWidget *
find_bar (GtkWidget *widget)
{
  if (CG_IS_CAPTURE_BAR (widget))
    return widget;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    if (find_bar (c) != NULL)
      return find_bar (c);
  return NULL;
}

static void
activate (GtkApplication *app,
          gpointer        data)
{
  const char *which = g_object_get_data (G_OBJECT (app), "which");
  guint n = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (app), "n"));
  g_autoptr (CgSession) session = sample_session (n);
  GtkWidget *window = adw_application_window_new (app);
  GtkWidget *page;

  if (g_str_equal (which, "aims"))
    page = cg_aims_page_new ();
  else if (g_str_equal (which, "roles"))
    page = cg_roles_page_new ();
  else
    page = cg_lesson_page_new (0);
  if (g_str_equal (which, "hidden"))
    cg_session_set_answers_hidden (session, TRUE);
  g_object_set (page, "session", session, NULL);
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), page);
  {
    /* No window manager under Xvfb: fill the screen by hand. */
    GdkMonitor *monitor =
      g_list_model_get_item (gdk_display_get_monitors (gdk_display_get_default ()), 0);
    GdkRectangle geometry;

    gdk_monitor_get_geometry (monitor, &geometry);
    gtk_window_set_default_size (GTK_WINDOW (window), geometry.width, geometry.height);
    g_object_unref (monitor);
  }
  gtk_window_present (GTK_WINDOW (window));
  if (g_str_equal (which, "private"))
    gtk_widget_activate_action (find_bar (page), "capture.pass-to", "u",
                                cg_session_get_partner (session, 1)->id);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr (AdwApplication) app =
    adw_application_new ("io.github.commonground.GridsPreview", G_APPLICATION_NON_UNIQUE);

  g_object_set_data (G_OBJECT (app), "which", argc > 1 ? argv[1] : "lesson");
  g_object_set_data (G_OBJECT (app), "n", GUINT_TO_POINTER (argc > 2 ? atoi (argv[2]) : 4));
  g_signal_connect (app, "activate", G_CALLBACK (activate), NULL);
  return g_application_run (G_APPLICATION (app), 1, argv);
}

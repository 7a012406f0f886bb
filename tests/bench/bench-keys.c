/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-keys: answer capture at workshop size, for build-aux/bench.
 *
 * The real application window with 12 partners, 30 statements in each
 * lesson, 30 aims and 30 role-clarity tasks, every stage visited first (a
 * workshop under way: all pages built, Review and Charter included). On
 * the lesson's rating grid, the Role clarity involvement grid and its
 * believed-Accountable grid it types one answer per cell, then Enter to
 * the next (360 answers each); on the Partners stage it types a partner's
 * new name, a letter at a time, as the name field does ("rename"). It
 * times every key two ways:
 *   key   - the grid handling the key: the session edit, its undo step and
 *           every view that listens (cells, completion marks, the sidebar);
 *   frame - from the key to the end of the next painted frame (what the
 *           room sees), the frame clock's wait included;
 *   paint - that frame's own work (layout, drawing, before-paint to
 *           after-paint).
 * Prints "NAME_WHAT_ms MEDIAN P95 MAX" lines. Needs a display (build-aux/bench runs it under Xvfb).
 */
#include "config.h"

#include <adwaita.h>
#include <stdio.h>
#include <stdlib.h>

#include "cg-application.h"
#include "cg-rating-grid.h"
#include "cg-role-grid.h"
#include "cg-window.h"

#define N_PARTNERS 12
#define N_ITEMS 30

static gboolean painted;
static gint64 paint_start, paint_end;

static void
before_paint (GdkFrameClock *clock,
              gpointer       data)
{
  paint_start = g_get_monotonic_time ();
}

static void
after_paint (GdkFrameClock *clock,
             gpointer       data)
{
  paint_end = g_get_monotonic_time ();
  painted = TRUE;
}

static GtkWidget *
find_type (GtkWidget *root,
           GType      type,
           guint      skip)
{
  guint seen = 0;
  g_autoptr (GPtrArray) queue = g_ptr_array_new ();

  g_ptr_array_add (queue, root);
  for (guint i = 0; i < queue->len; i++)
    {
      GtkWidget *w = queue->pdata[i];

      if (G_TYPE_CHECK_INSTANCE_TYPE (w, type) && seen++ == skip)
        return w;
      for (GtkWidget *c = gtk_widget_get_first_child (w); c; c = gtk_widget_get_next_sibling (c))
        g_ptr_array_add (queue, c);
    }
  return NULL;
}

static void
drain (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static void
wait_for_frame (GtkWidget *window)
{
  painted = FALSE;
  gtk_widget_queue_draw (window);
  while (!painted)
    g_main_context_iteration (NULL, TRUE);
}

static int
compare (const void *a,
         const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static void
report (const char *name,
        const char *what,
        double     *ms,
        guint       n)
{
  qsort (ms, n, sizeof *ms, compare);
  printf ("%s_%s_ms %.3f %.3f %.3f\n", name, what, ms[n / 2], ms[(n * 95) / 100], ms[n - 1]);
}

typedef gboolean (*KeyFunc) (GtkWidget *grid, guint keyval);

static gboolean
rating_key (GtkWidget *grid,
            guint      keyval)
{
  return cg_rating_grid_handle_key (CG_RATING_GRID (grid), keyval, 0);
}

static gboolean
role_key (GtkWidget *grid,
          guint      keyval)
{
  return cg_role_grid_handle_key (CG_ROLE_GRID (grid), keyval, 0);
}

/* Types @keys[k % n_keys] into every cell, Enter after each. */
static void
run (const char  *name,
     GtkWidget   *window,
     GtkWidget   *grid,
     KeyFunc      key,
     const guint *keys,
     guint        n_keys)
{
  double key_ms[N_PARTNERS * N_ITEMS], frame_ms[N_PARTNERS * N_ITEMS];
  double paint_ms[N_PARTNERS * N_ITEMS];
  guint n = N_PARTNERS * N_ITEMS;

  gtk_widget_grab_focus (grid);
  wait_for_frame (window);
  for (guint k = 0; k < n; k++)
    {
      gint64 start = g_get_monotonic_time ();

      painted = FALSE;
      if (!key (grid, keys[k % n_keys]))
        g_error ("%s: key %u not taken", name, k);
      key_ms[k] = (g_get_monotonic_time () - start) / 1000.0;
      while (!painted)
        g_main_context_iteration (NULL, TRUE);
      frame_ms[k] = (paint_end - start) / 1000.0;
      paint_ms[k] = (paint_end - paint_start) / 1000.0;
      key (grid, GDK_KEY_Return);
      drain ();
    }
  report (name, "key", key_ms, n);
  report (name, "frame", frame_ms, n);
  report (name, "paint", paint_ms, n);
}

static CgSession *
workshop (void)
{
  CgSession *session = cg_session_new ();

  cg_session_set_detail (session, CG_DETAIL_TITLE, "Keystroke benchmark");
  for (guint i = 0; i < N_PARTNERS; i++)
    {
      g_autofree char *name = g_strdup_printf ("Partner %c%u", 'A' + i, i + 1);

      cg_session_add_partner (session, name, "Organisation", "Role");
    }
  for (guint i = 0; i < N_ITEMS; i++)
    {
      g_autofree char *statement = g_strdup_printf ("We agree on statement number %u", i + 1);
      g_autofree char *task = g_strdup_printf ("Carry out task number %u", i + 1);

      for (guint lesson = 0; lesson < CG_N_LESSONS; lesson++)
        cg_session_add_statement (session, lesson, statement);
      cg_session_add_aim (session, statement);
      cg_session_add_task (session, task);
    }
  cg_session_clear_history (session);
  cg_session_set_unmodified (session);
  return session;
}

/* Every stage shown once, as in a workshop under way. */
static void
visit_every_stage (GtkWidget *window)
{
  for (CgStage stage = 0; stage < CG_N_STAGES; stage++)
    {
      cg_window_set_stage (CG_WINDOW (window), stage);
      wait_for_frame (window);
      drain ();
    }
}

/* A new name typed into a partner's name field: one edit per letter. */
static void
run_rename (GtkWidget *window,
            CgSession *session)
{
  static const char name[] = "Partner A1 with a longer name";
  double key_ms[sizeof name - 1], frame_ms[sizeof name - 1], paint_ms[sizeof name - 1];
  guint id = cg_session_get_partner (session, 0)->id;
  guint n = sizeof name - 1;

  cg_window_set_stage (CG_WINDOW (window), CG_STAGE_PARTNERS);
  wait_for_frame (window);
  for (guint k = 0; k < n; k++)
    {
      g_autofree char *prefix = g_strndup (name, k + 1);
      gint64 start = g_get_monotonic_time ();

      painted = FALSE;
      cg_session_set_partner_field (session, id, CG_PARTNER_NAME, prefix);
      key_ms[k] = (g_get_monotonic_time () - start) / 1000.0;
      while (!painted)
        g_main_context_iteration (NULL, TRUE);
      frame_ms[k] = (paint_end - start) / 1000.0;
      paint_ms[k] = (paint_end - paint_start) / 1000.0;
      drain ();
    }
  report ("rename", "key", key_ms, n);
  report ("rename", "frame", frame_ms, n);
  report ("rename", "paint", paint_ms, n);
}

static gboolean
bench (gpointer app)
{
  static const guint ratings[] = { GDK_KEY_1, GDK_KEY_2, GDK_KEY_3, GDK_KEY_4, GDK_KEY_5 };
  static const guint parts[] = { GDK_KEY_r, GDK_KEY_a, GDK_KEY_c, GDK_KEY_i, GDK_KEY_n };
  static const guint partners[] = { GDK_KEY_1, GDK_KEY_2, GDK_KEY_3, GDK_KEY_4, GDK_KEY_5,
                                    GDK_KEY_6, GDK_KEY_7, GDK_KEY_8, GDK_KEY_9 };
  GtkWidget *window = GTK_WIDGET (gtk_application_get_active_window (GTK_APPLICATION (app)));
  g_autoptr (CgSession) session = workshop ();
  GtkWidget *page, *grid;

  if (!CG_IS_WINDOW (window))
    g_error ("no Common Ground window");
  while (!gtk_widget_get_mapped (window))
    g_main_context_iteration (NULL, TRUE);
  cg_window_set_session (CG_WINDOW (window), session);
  g_signal_connect (gtk_widget_get_frame_clock (window), "before-paint", G_CALLBACK (before_paint),
                    NULL);
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint", G_CALLBACK (after_paint),
                    NULL);
  visit_every_stage (window);

  cg_window_set_stage (CG_WINDOW (window), CG_STAGE_LESSON_1);
  page = cg_window_get_page (CG_WINDOW (window), CG_STAGE_LESSON_1);
  grid = find_type (page, CG_TYPE_RATING_GRID, 0);
  cg_rating_grid_set_cursor (CG_RATING_GRID (grid), 0, 0);
  run ("rating", window, grid, rating_key, ratings, G_N_ELEMENTS (ratings));

  cg_window_set_stage (CG_WINDOW (window), CG_STAGE_ROLES);
  page = cg_window_get_page (CG_WINDOW (window), CG_STAGE_ROLES);
  grid = find_type (page, CG_TYPE_ROLE_GRID, 0);
  cg_role_grid_set_cursor (CG_ROLE_GRID (grid), 0, 0);
  run ("involvement", window, grid, role_key, parts, G_N_ELEMENTS (parts));
  grid = find_type (page, CG_TYPE_ROLE_GRID, 1);
  cg_role_grid_set_cursor (CG_ROLE_GRID (grid), 0, 0);
  run ("accountable", window, grid, role_key, partners, G_N_ELEMENTS (partners));

  run_rename (window, session);

  /* Every answer landed, down to the last cell of each grid (key 359 of
   * each list: "5", "n", "9"). */
  {
    guint last = cg_session_get_partner (session, N_PARTNERS - 1)->id;
    guint statement = cg_session_get_statement (session, 0, N_ITEMS - 1)->id;
    guint task = cg_session_get_task (session, N_ITEMS - 1)->id;

    if (cg_session_get_rating (session, last, statement) != CG_RATING_5 ||
        cg_session_get_involvement (session, last, task) != CG_INVOLVEMENT_NONE ||
        cg_session_get_believed_accountable (session, last, task) !=
          cg_session_get_partner (session, 8)->id)
      g_error ("the answers did not all land");
  }
  cg_session_set_unmodified (session);
  gtk_window_destroy (GTK_WINDOW (window));
  return G_SOURCE_REMOVE;
}

static void
activated (GApplication *app)
{
  g_idle_add (bench, app);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr (CgApplication) app = NULL;

  /* No recovery offer from earlier drafts, no settings written. */
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  app = cg_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_signal_connect_after (app, "activate", G_CALLBACK (activated), NULL);
  return g_application_run (G_APPLICATION (app), 1, argv);
}

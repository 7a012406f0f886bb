/* SPDX-License-Identifier: GPL-3.0-or-later */
/* At 800 px, the narrowest window a facilitator's laptop gives, every
 * stage page's text wraps to the visible width: a capture grid wider than
 * the window scrolls sideways on its own and never widens the page, which
 * would cut long intro labels off on the right (issue 13). */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "app-test-util.h"
#include "cg-capture-bar.h"
#include "cg-side-scroller.h"
#include "cg-window.h"

#define WIDTH 800

typedef struct
{
  CgSession *session;
  CgWindow *window;
} Fixture;

/* Twelve partners with long names and organisations: the grids are far
 * wider than 800 px. */
static CgSession *
wide_session (void)
{
  CgSession *s = cg_session_new ();

  for (guint i = 0; i < 12; i++)
    {
      g_autofree char *name = g_strdup_printf ("Partner Number%u Longname", i + 1);

      cg_session_add_partner (s, name, "Riverside Community Health and Social Care Trust",
                              "Health visitor");
    }
  for (guint l = 0; l < CG_N_LESSONS; l++)
    {
      cg_session_set_lesson_intro (s, l,
                                   "A partnership works when every partner shares a clear "
                                   "purpose and accepts how it is led, and this sentence is far "
                                   "longer than eight hundred pixels of window.");
      cg_session_add_statement (s, l, "Leadership of this partnership is accepted by all");
    }
  cg_session_add_aim (s, "Children attend school every day");
  cg_session_add_task (s, "Lead the family's needs assessment");
  return s;
}

static int
setup (void **state)
{
  Fixture *f = g_new0 (Fixture, 1);

  f->session = wide_session ();
  f->window = cg_window_new (NULL);
  gtk_window_set_default_size (GTK_WINDOW (f->window), WIDTH, 600);
  cg_window_set_session (f->window, f->session);
  gtk_window_present (GTK_WINDOW (f->window));
  cg_test_iterate ();
  *state = f;
  return 0;
}

static int
teardown (void **state)
{
  Fixture *f = *state;

  gtk_window_destroy (GTK_WINDOW (f->window));
  cg_test_iterate ();
  g_object_unref (f->session);
  g_free (f);
  return 0;
}

static gboolean
page_allocated (gpointer data)
{
  GtkWidget *page = data;

  return gtk_widget_get_mapped (page) && gtk_widget_get_width (page) > 0;
}

/* The scrolled window whose viewport shows @widget, or NULL. */
static GtkWidget *
scroller_of (GtkWidget *widget)
{
  return gtk_widget_get_ancestor (gtk_widget_get_parent (widget), GTK_TYPE_SCROLLED_WINDOW);
}

/* Every label shown on @root lies inside the viewport that shows it, unless
 * it is in a grid that scrolls sideways by design. Returns how many
 * labels were checked; *wide counts the side scrollers wider than their
 * viewport. */
static guint
check_labels (GtkWidget *root,
              GtkWidget *page,
              guint     *wide)
{
  guint n = 0;

  if (!gtk_widget_get_mapped (root))
    return 0;
  if (CG_IS_SIDE_SCROLLER (root))
    {
      GtkWidget *child = cg_side_scroller_get_child (CG_SIDE_SCROLLER (root));

      if (gtk_widget_get_width (child) > gtk_widget_get_width (root))
        (*wide)++;
      return 0;
    }
  if (GTK_IS_LABEL (root) && *gtk_label_get_text (GTK_LABEL (root)) != '\0')
    {
      GtkWidget *box = scroller_of (root);
      graphene_rect_t r;

      if (box == NULL || !gtk_widget_is_ancestor (box, page))
        box = page;
      assert_true (gtk_widget_compute_bounds (root, box, &r));
      if (r.origin.x < -0.5 || r.origin.x + r.size.width > gtk_widget_get_width (box) + 0.5)
        fail_msg ("label \"%.40s\" spans x %.0f..%.0f, its viewport is %d px wide",
                  gtk_label_get_text (GTK_LABEL (root)), r.origin.x, r.origin.x + r.size.width,
                  gtk_widget_get_width (box));
      n++;
    }
  for (GtkWidget *c = gtk_widget_get_first_child (root); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    n += check_labels (c, page, wide);
  return n;
}

static void
check_stage (Fixture *f,
             CgStage  stage,
             int      expect_wide)
{
  GtkWidget *page;
  guint wide = 0, n;
  int min;

  /* As a user would: on a narrow window the stage list and the page take
   * turns, and choosing a stage shows its page. */
  gtk_widget_activate (GTK_WIDGET (
    gtk_list_box_get_row_at_index (cg_test_find_stage_list (GTK_WIDGET (f->window)), stage)));
  assert_int_equal (cg_window_get_stage (f->window), stage);
  page = cg_window_get_page (f->window, stage);
  assert_true (cg_test_wait_for (page_allocated, page, 5000));
  cg_test_iterate ();
  /* The window is no wider than asked (less its frame): nothing forced
   * it wider. */
  assert_in_range (gtk_widget_get_width (GTK_WIDGET (f->window)), WIDTH - 40, WIDTH);
  assert_true (gtk_widget_get_width (page) <= WIDTH);
  n = check_labels (page, page, &wide);
  assert_true (n >= 3);
  /* A page never asks for more width than the window's content pane has
   * (560 px, ui/cg-window.ui): a wider page would fold the stage list away
   * on a window that has room for both. (Not the Charter: its editor and
   * preview sit side by side.) */
  gtk_widget_measure (page, GTK_ORIENTATION_HORIZONTAL, -1, &min, NULL, NULL, NULL);
  if (min > 560 && stage != CG_STAGE_CHARTER)
    fail_msg ("stage %u asks for %d px", stage, min);
  /* The grids are wider than the window, and scroll on their own. */
  if (expect_wide >= 0)
    assert_int_equal (wide, expect_wide);
}

/* The focusable widget furthest right under @root (a cell in the last column). */
static GtkWidget *
rightmost_focusable (GtkWidget *root,
                     GtkWidget *ref,
                     GtkWidget *best)
{
  for (GtkWidget *c = gtk_widget_get_first_child (root); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    {
      graphene_rect_t r, b;

      if (gtk_widget_get_focusable (c) && gtk_widget_compute_bounds (c, ref, &r) &&
          (best == NULL || (gtk_widget_compute_bounds (best, ref, &b) && r.origin.x > b.origin.x)))
        best = c;
      best = rightmost_focusable (c, ref, best);
    }
  return best;
}

static GtkWidget *
find_side_scroller (GtkWidget *root)
{
  if (CG_IS_SIDE_SCROLLER (root))
    return root;
  for (GtkWidget *c = gtk_widget_get_first_child (root); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_side_scroller (c);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
in_view (GtkWidget *widget,
         GtkWidget *box)
{
  graphene_rect_t r;

  return gtk_widget_compute_bounds (widget, box, &r) && r.origin.x >= -0.5 &&
         r.origin.x + r.size.width <= gtk_widget_get_width (box) + 0.5;
}

static gboolean
cell_in_view (gpointer data)
{
  return in_view (data, g_object_get_data (data, "side"));
}

/* Moving the focus to a cell off to the right scrolls the grid sideways
 * until the cell is in view; the page itself does not move sideways. */
static void
test_focus_scrolls_grid (void **state)
{
  Fixture *f = *state;
  GtkWidget *page, *side, *grid, *cell, *inner;

  check_stage (f, CG_STAGE_LESSON_1, 1);
  page = cg_window_get_page (f->window, CG_STAGE_LESSON_1);
  side = find_side_scroller (page);
  assert_non_null (side);
  grid = cg_side_scroller_get_child (CG_SIDE_SCROLLER (side));
  inner = gtk_widget_get_first_child (side);
  assert_true (GTK_IS_SCROLLED_WINDOW (inner));
  cell = rightmost_focusable (grid, grid, NULL);
  assert_non_null (cell);
  assert_false (in_view (cell, side));
  assert_true (gtk_widget_grab_focus (cell));
  /* The viewport may animate the scroll. */
  g_object_set_data (G_OBJECT (cell), "side", side);
  assert_true (cg_test_wait_for (cell_in_view, cell, 3000));
  assert_true (gtk_adjustment_get_value (
                 gtk_scrolled_window_get_hadjustment (GTK_SCROLLED_WINDOW (inner))) > 0);
  check_labels (page, page, &(guint){ 0 });
}

static void
test_lesson_page (void **state)
{
  check_stage (*state, CG_STAGE_LESSON_1, 1);
}

static void
test_roles_page (void **state)
{
  check_stage (*state, CG_STAGE_ROLES, 2);
}

static void
test_aims_page (void **state)
{
  check_stage (*state, CG_STAGE_AIMS, 1);
}

static CgCaptureBar *
find_bar (GtkWidget *root)
{
  if (CG_IS_CAPTURE_BAR (root))
    return CG_CAPTURE_BAR (root);
  for (GtkWidget *c = gtk_widget_get_first_child (root); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    {
      CgCaptureBar *found = find_bar (c);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Answers hidden until revealed and the laptop passed to a partner: the
 * bar above the grid says so in two long sentences, which wrap too. */
static void
test_private_hidden (void **state)
{
  Fixture *f = *state;
  static const CgStage stages[] = { CG_STAGE_LESSON_1, CG_STAGE_AIMS, CG_STAGE_ROLES };

  cg_session_set_answers_hidden (f->session, TRUE);
  for (guint i = 0; i < G_N_ELEMENTS (stages); i++)
    {
      CgCaptureBar *bar;

      check_stage (f, stages[i], stages[i] == CG_STAGE_ROLES ? 2 : 1);
      bar = find_bar (cg_window_get_page (f->window, stages[i]));
      assert_non_null (bar);
      gtk_widget_activate_action (GTK_WIDGET (bar), "capture.pass-to", "u",
                                  cg_session_get_partner (f->session, 11)->id);
      assert_int_equal (cg_capture_bar_get_private_partner (bar),
                        cg_session_get_partner (f->session, 11)->id);
      check_stage (f, stages[i], -1);
      cg_capture_bar_set_private_partner (bar, 0);
    }
}

static void
test_other_pages (void **state)
{
  static const CgStage others[] = { CG_STAGE_SESSION, CG_STAGE_PARTNERS, CG_STAGE_LESSON_5,
                                    CG_STAGE_REVIEW, CG_STAGE_CHARTER };

  for (guint i = 0; i < G_N_ELEMENTS (others); i++)
    check_stage (*state, others[i], others[i] == CG_STAGE_LESSON_5 ? 1 : 0);
}

int
main (int    argc,
      char **argv)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test_setup_teardown (test_lesson_page, setup, teardown),
    cmocka_unit_test_setup_teardown (test_roles_page, setup, teardown),
    cmocka_unit_test_setup_teardown (test_aims_page, setup, teardown),
    cmocka_unit_test_setup_teardown (test_other_pages, setup, teardown),
    cmocka_unit_test_setup_teardown (test_private_hidden, setup, teardown),
    cmocka_unit_test_setup_teardown (test_focus_scrolls_grid, setup, teardown),
  };

  if (!cg_test_init_display ())
    return CG_TEST_SKIP;
  return cmocka_run_group_tests (tests, NULL, NULL);
}

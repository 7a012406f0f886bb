/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The editable item lists of the lesson, Aims and Roles stages, driven as a
 * facilitator would: type and add, reword, move up and down, remove, tick
 * "Agreed". Every change must land in the session (and so undo there). */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "app-test-util.h"
#include "cg-item-list.h"

static void
click (GtkWidget  *root,
       const char *tooltip)
{
  GtkWidget *button = cg_test_find (root, GTK_TYPE_BUTTON, tooltip);

  if (button == NULL)
    fail_msg ("no button “%s”", tooltip);
  assert_true (gtk_widget_get_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
  cg_test_iterate ();
}

/* The add row: the entry just before the "Add …" button. */
static void
add (GtkWidget  *list,
     const char *button_label,
     const char *text)
{
  GtkWidget *button = cg_test_find (list, GTK_TYPE_BUTTON, button_label);
  GtkWidget *entry;

  assert_non_null (button);
  entry = gtk_widget_get_prev_sibling (button);
  assert_true (GTK_IS_ENTRY (entry));
  cg_test_type (GTK_EDITABLE (entry), text);
  g_signal_emit_by_name (button, "clicked");
  cg_test_iterate ();
  assert_string_equal (gtk_editable_get_text (GTK_EDITABLE (entry)), "");
}

static const char *
aim_text (CgSession *s,
          guint      i)
{
  return cg_session_get_aim (s, i)->text;
}

static void
collect_checks (GtkWidget *root,
                GPtrArray *out)
{
  if (GTK_IS_CHECK_BUTTON (root))
    g_ptr_array_add (out, root);
  for (GtkWidget *c = gtk_widget_get_first_child (root); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    collect_checks (c, out);
}

/* The "Agreed" tick of row @n, in the order the rows show. */
static GtkWidget *
nth_check (GtkWidget *root,
           guint      n)
{
  g_autoptr (GPtrArray) checks = g_ptr_array_new ();

  collect_checks (root, checks);
  return n < checks->len ? checks->pdata[n] : NULL;
}

/* Aims: add three, tick the second agreed, move the third up, remove the
 * first; the session follows each step and undo walks it back. */
static void
test_aims (void **state)
{
  g_autoptr (CgSession) s = cg_session_new ();
  GtkWidget *list = cg_item_list_new (CG_STAGE_AIMS);
  GtkWindow *window;
  GtkWidget *check;

  cg_item_list_set_session (CG_ITEM_LIST (list), s);
  window = cg_test_window_new (list);

  add (list, "Add aim", "Safe at home");
  add (list, "Add aim", "  In school  ");
  add (list, "Add aim", "Carer supported");
  assert_int_equal (cg_session_get_n_aims (s), 3);
  assert_string_equal (aim_text (s, 0), "Safe at home");
  assert_string_equal (aim_text (s, 1), "In school"); /* trimmed */
  assert_string_equal (aim_text (s, 2), "Carer supported");
  /* The first row cannot move up, the last cannot move down. */
  assert_false (gtk_widget_get_sensitive (cg_test_find (list, GTK_TYPE_BUTTON, "Move Aim 1 up")));
  assert_false (gtk_widget_get_sensitive (cg_test_find (list, GTK_TYPE_BUTTON, "Move Aim 3 down")));

  check = nth_check (list, 1);
  assert_non_null (check);
  assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
  cg_test_iterate ();
  assert_false (cg_session_get_aim (s, 0)->agreed);
  assert_true (cg_session_get_aim (s, 1)->agreed);
  assert_false (cg_session_get_aim (s, 2)->agreed);

  click (list, "Move Aim 3 up");
  assert_string_equal (aim_text (s, 1), "Carer supported");
  assert_string_equal (aim_text (s, 2), "In school");
  assert_true (cg_session_get_aim (s, 2)->agreed); /* the tick moved with its aim */
  /* The rows follow: the agreed tick is now on the third row. */
  assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (nth_check (list, 2))));
  assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (nth_check (list, 1))));

  click (list, "Remove Aim 1");
  assert_int_equal (cg_session_get_n_aims (s), 2);
  assert_string_equal (aim_text (s, 0), "Carer supported");
  assert_string_equal (aim_text (s, 1), "In school");

  /* Undo: the removal, the move, the tick, then the three additions. */
  assert_true (cg_session_undo (s));
  cg_test_iterate ();
  assert_int_equal (cg_session_get_n_aims (s), 3);
  assert_string_equal (aim_text (s, 0), "Safe at home");
  assert_true (cg_session_undo (s));
  assert_string_equal (aim_text (s, 1), "In school");
  assert_true (cg_session_undo (s));
  cg_test_iterate ();
  assert_false (cg_session_get_aim (s, 1)->agreed);
  assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (nth_check (list, 1))));
  gtk_window_destroy (window);
  cg_test_iterate ();
}

/* Statements of lesson 2 and tasks: rewording by typing and Enter. */
static void
test_statements_and_tasks (void **state)
{
  g_autoptr (CgSession) s = cg_session_new ();
  GtkWidget *lessons = cg_item_list_new (CG_STAGE_FOR_LESSON (1));
  GtkWidget *tasks = cg_item_list_new (CG_STAGE_ROLES);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWindow *window;
  GtkWidget *entry;

  gtk_box_append (GTK_BOX (box), lessons);
  gtk_box_append (GTK_BOX (box), tasks);
  cg_item_list_set_session (CG_ITEM_LIST (lessons), s);
  cg_item_list_set_session (CG_ITEM_LIST (tasks), s);
  window = cg_test_window_new (box);

  add (lessons, "Add statement", "We measure outcomes together.");
  add (tasks, "Add task", "Chair the meeting");
  add (tasks, "Add task", "Keep the family informed");
  assert_int_equal (cg_session_get_n_statements (s, 1), 1);
  assert_int_equal (cg_session_get_n_statements (s, 0), 0);
  assert_string_equal (cg_session_get_statement (s, 1, 0)->text, "We measure outcomes together.");
  assert_int_equal (cg_session_get_n_tasks (s), 2);

  entry =
    gtk_widget_get_prev_sibling (cg_test_find (lessons, GTK_TYPE_BUTTON, "Move Statement 1 up"));
  assert_true (GTK_IS_ENTRY (entry));
  cg_test_type (GTK_EDITABLE (entry), "We measure outcomes with the family.");
  g_signal_emit_by_name (entry, "activate");
  cg_test_iterate ();
  assert_string_equal (cg_session_get_statement (s, 1, 0)->text,
                       "We measure outcomes with the family.");

  click (tasks, "Move Task 1 down");
  assert_string_equal (cg_session_get_task (s, 0)->text, "Keep the family informed");
  assert_string_equal (cg_session_get_task (s, 1)->text, "Chair the meeting");
  click (tasks, "Remove Task 2");
  assert_int_equal (cg_session_get_n_tasks (s), 1);
  assert_string_equal (cg_session_get_task (s, 0)->text, "Keep the family informed");
  gtk_window_destroy (window);
  cg_test_iterate ();
}

int
main (int    argc,
      char **argv)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_aims),
    cmocka_unit_test (test_statements_and_tasks),
  };

  if (!cg_test_init_display ())
    return CG_TEST_SKIP;
  return cmocka_run_group_tests (tests, NULL, NULL);
}

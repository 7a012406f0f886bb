/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "cg-types.h"

static void
test_clean_keeps_ordinary_text (void **state)
{
  const char *text = "R&D <team> \"quoted\" 'single' ]]> &foo; tab\there\r\nnew line 🤝 שלום";
  g_autofree char *clean = cg_text_clean (text);

  assert_string_equal (clean, text);
}

static void
test_clean_drops_control_characters (void **state)
{
  g_autofree char *clean = cg_text_clean ("a\001b\x1f"
                                          "c\x7f"
                                          "d");

  /* U+0001 and U+001F are not XML 1.0 characters; U+007F is. */
  assert_string_equal (clean, "abc\x7f"
                              "d");
}

static void
test_clean_repairs_invalid_utf8 (void **state)
{
  g_autofree char *clean = cg_text_clean ("ok\xff\xfe"
                                          "end");

  assert_true (g_utf8_validate (clean, -1, NULL));
  assert_non_null (strstr (clean, "ok"));
  assert_non_null (strstr (clean, "end"));
  g_autofree char *null_clean = cg_text_clean (NULL);
  assert_string_equal (null_clean, "");
}

static void
test_clean_drops_noncharacters (void **state)
{
  /* U+FFFE and U+FFFF are outside XML 1.0's Char production. */
  g_autofree char *clean = cg_text_clean ("x\xef\xbf\xbe"
                                          "y\xef\xbf\xbf"
                                          "z");

  assert_string_equal (clean, "xyz");
}

static void
test_rating_strings (void **state)
{
  CgRating r = CG_RATING_NONE;

  for (CgRating i = CG_RATING_1; i <= CG_RATING_DONT_KNOW; i++)
    {
      assert_true (cg_rating_from_string (cg_rating_to_string (i), &r));
      assert_int_equal (r, i);
    }
  assert_false (cg_rating_from_string ("7", &r));
  assert_false (cg_rating_from_string ("0", &r));
  assert_false (cg_rating_from_string ("44", &r));
  assert_false (cg_rating_from_string ("", &r));
  assert_string_equal (cg_rating_to_label (CG_RATING_4), "Agree (4)");
}

static void
test_involvement_letters (void **state)
{
  CgInvolvement inv = CG_INVOLVEMENT_UNSET;

  assert_true (cg_involvement_from_letter ("A", &inv));
  assert_int_equal (inv, CG_INVOLVEMENT_ACCOUNTABLE);
  assert_true (cg_involvement_from_letter ("none", &inv));
  assert_int_equal (inv, CG_INVOLVEMENT_NONE);
  assert_false (cg_involvement_from_letter ("X", &inv));
  assert_string_equal (cg_involvement_to_letter (CG_INVOLVEMENT_RESPONSIBLE), "R");
}

static void
test_stage_names (void **state)
{
  CgStage s = CG_STAGE_SESSION;

  for (CgStage i = 0; i < CG_N_STAGES; i++)
    {
      assert_true (cg_stage_from_string (cg_stage_to_string (i), &s));
      assert_int_equal (s, i);
    }
  assert_false (cg_stage_from_string ("lesson-6", &s));
  assert_string_equal (cg_stage_get_title (CG_STAGE_LESSON_3), "Culture and Communication");
  assert_string_equal (cg_change_kind_to_detail (CG_CHANGE_RATING), "rating");
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_clean_keeps_ordinary_text),
    cmocka_unit_test (test_clean_drops_control_characters),
    cmocka_unit_test (test_clean_repairs_invalid_utf8),
    cmocka_unit_test (test_clean_drops_noncharacters),
    cmocka_unit_test (test_rating_strings),
    cmocka_unit_test (test_involvement_letters),
    cmocka_unit_test (test_stage_names),
  };
  return cmocka_run_group_tests (tests, NULL, NULL);
}

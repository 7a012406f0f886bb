/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cg-rating-grid"
#include "config.h"

#include <glib/gi18n.h>

#include "cg-rating-grid.h"

struct _CgRatingGrid
{
  CgCaptureGrid parent_instance;
};

G_DEFINE_FINAL_TYPE (CgRatingGrid, cg_rating_grid, CG_TYPE_CAPTURE_GRID)

#define SESSION(self) cg_capture_grid_get_session (self)

static gboolean
is_aims (CgCaptureGrid *self)
{
  return cg_capture_grid_get_stage (self) == CG_STAGE_AIMS;
}

const char *
cg_rating_grid_value_label (CgItemKind kind,
                            CgRating   rating)
{
  if (kind == CG_ITEM_STATEMENT || rating == CG_RATING_NONE || rating == CG_RATING_DONT_KNOW)
    return cg_rating_to_label (rating);
  switch (rating)
    {
    case CG_RATING_1: return _("Not important (1)");
    case CG_RATING_2: return _("Slightly important (2)");
    case CG_RATING_3: return _("Moderately important (3)");
    case CG_RATING_4: return _("Very important (4)");
    case CG_RATING_5: return _("Essential (5)");
    default: return "";
    }
}

static const char *
rating_text (CgRating rating)
{
  static const char *const texts[] = { "", "1", "2", "3", "4", "5", "?" };

  return rating <= CG_RATING_DONT_KNOW ? texts[rating] : "";
}

static const char *
rating_class (CgRating rating)
{
  static const char *const classes[] = { NULL,       "rating-1", "rating-2",        "rating-3",
                                         "rating-4", "rating-5", "rating-dont-know" };

  return rating <= CG_RATING_DONT_KNOW ? classes[rating] : NULL;
}

static void
fill_cell (CgCaptureGrid *self,
           CgGridCell    *cell,
           guint          item_id,
           guint          partner_id,
           const char    *who,
           gboolean       visible)
{
  const CgItem *item = cg_session_lookup_item (SESSION (self), item_id);
  CgRating rating = cg_session_get_rating (SESSION (self), partner_id, item_id);
  g_autofree char *spoken = NULL;
  const char *value;

  if (item == NULL)
    return;
  if (rating == CG_RATING_NONE)
    value = _("not answered");
  else if (!visible)
    value = _("answered");
  else
    value = cg_rating_grid_value_label (item->kind, rating);
  /* TRANSLATORS: a grid cell as a screen reader says it:
   * "Partner, Organisation - “statement” - Agree (4)" */
  spoken = g_strdup_printf (_("%s - “%s” - %s"), who, item->text, value);
  cg_grid_cell_set_content (cell,
                            rating == CG_RATING_NONE ? ""
                            : visible                ? rating_text (rating)
                                                     : "●",
                            spoken,
                            rating == CG_RATING_NONE ? NULL
                            : visible                ? rating_class (rating)
                                                     : "answered-hidden");
}

static void
collect_rows (CgCaptureGrid *self,
              GArray        *row_ids)
{
  CgSession *session = SESSION (self);
  guint lesson = CG_LESSON_FOR_STAGE (cg_capture_grid_get_stage (self));
  guint n = is_aims (self) ? cg_session_get_n_aims (session)
                           : cg_session_get_n_statements (session, lesson);

  for (guint r = 0; r < n; r++)
    {
      const CgItem *item = is_aims (self) ? cg_session_get_aim (session, r)
                                          : cg_session_get_statement (session, lesson, r);

      g_array_append_val (row_ids, item->id);
    }
}

static gboolean
owns_change (CgCaptureGrid *self,
             CgChangeKind   kind,
             guint          item_id)
{
  const CgItem *item = cg_session_lookup_item (SESSION (self), item_id);

  if (kind != CG_CHANGE_ITEM_ADDED && kind != CG_CHANGE_ITEM_REMOVED &&
      kind != CG_CHANGE_ITEMS_MOVED)
    return FALSE;
  if (item == NULL)
    return cg_capture_grid_has_row (self, item_id);
  if (is_aims (self))
    return item->kind == CG_ITEM_AIM;
  return item->kind == CG_ITEM_STATEMENT &&
         item->lesson == CG_LESSON_FOR_STAGE (cg_capture_grid_get_stage (self));
}

static const char *
row_text (CgCaptureGrid *self,
          guint          item_id)
{
  return cg_session_lookup_item (SESSION (self), item_id)->text;
}

static void
describe (CgCaptureGrid *self,
          const char   **label,
          const char   **no_rows)
{
  *label = is_aims (self) ? _("Importance of each aim, per partner")
                          : _("Answers to each statement, per partner");
  *no_rows =
    is_aims (self) ? _("No aims yet. Add one below.") : _("No statements yet. Add one below.");
}

static guint
get_value (CgCaptureGrid *self,
           guint          item_id,
           guint          partner_id)
{
  return cg_session_get_rating (SESSION (self), partner_id, item_id);
}

static gboolean
key_to_value (CgCaptureGrid *self,
              guint          keyval,
              guint          current,
              guint         *value)
{
  /* 1-5 on either row of keys, 0 or ? for don't know, Backspace clears. */
  if (keyval >= GDK_KEY_1 && keyval <= GDK_KEY_5)
    *value = CG_RATING_1 + (keyval - GDK_KEY_1);
  else if (keyval >= GDK_KEY_KP_1 && keyval <= GDK_KEY_KP_5)
    *value = CG_RATING_1 + (keyval - GDK_KEY_KP_1);
  else if (keyval == GDK_KEY_0 || keyval == GDK_KEY_KP_0 || keyval == GDK_KEY_question)
    *value = CG_RATING_DONT_KNOW;
  else if (keyval == GDK_KEY_BackSpace || keyval == GDK_KEY_Delete || keyval == GDK_KEY_KP_Delete)
    *value = CG_RATING_NONE;
  else
    return FALSE;
  return TRUE;
}

static void
set_value (CgCaptureGrid *self,
           guint          item_id,
           guint          partner_id,
           guint          value)
{
  cg_session_set_rating (SESSION (self), partner_id, item_id, (CgRating) value);
}

/* The answers a click (or Space) lists, for a laptop's touchpad. */
static void
list_choices (CgCaptureGrid *self,
              GPtrArray     *labels,
              GArray        *values)
{
  static const guint choices[] = { CG_RATING_1, CG_RATING_2,         CG_RATING_3,   CG_RATING_4,
                                   CG_RATING_5, CG_RATING_DONT_KNOW, CG_RATING_NONE };
  CgItemKind kind = is_aims (self) ? CG_ITEM_AIM : CG_ITEM_STATEMENT;

  g_array_append_vals (values, choices, G_N_ELEMENTS (choices));
  for (guint i = 0; i < G_N_ELEMENTS (choices); i++)
    g_ptr_array_add (labels, g_strdup (choices[i] == CG_RATING_NONE ? _("Clear the answer")
                                       : choices[i] == CG_RATING_DONT_KNOW
                                         ? _("Don’t know (0 or ?)")
                                         : cg_rating_grid_value_label (kind, choices[i])));
}

CgStage
cg_rating_grid_get_stage (CgRatingGrid *self)
{
  g_return_val_if_fail (CG_IS_RATING_GRID (self), CG_STAGE_LESSON_1);
  return cg_capture_grid_get_stage (CG_CAPTURE_GRID (self));
}

void
cg_rating_grid_set_stage (CgRatingGrid *self,
                          CgStage       stage)
{
  g_return_if_fail (CG_IS_RATING_GRID (self));
  g_return_if_fail (CG_STAGE_IS_LESSON (stage) || stage == CG_STAGE_AIMS);
  cg_capture_grid_set_stage (CG_CAPTURE_GRID (self), stage);
}

static void
cg_rating_grid_class_init (CgRatingGridClass *klass)
{
  CgCaptureGridClass *grid_class = CG_CAPTURE_GRID_CLASS (klass);

  CG_CAPTURE_GRID_CLASS_BIND_METHODS (grid_class);
  grid_class->answer_change = CG_CHANGE_RATING;
  grid_class->row_change = CG_CHANGE_ITEM;
  grid_class->row_width_chars = 24;
  grid_class->row_max_width_chars = 40;
  gtk_widget_class_set_css_name (GTK_WIDGET_CLASS (klass), "cg-rating-grid");
}

static void
cg_rating_grid_init (CgRatingGrid *self)
{
}

GtkWidget *
cg_rating_grid_new (CgSession *session,
                    CgStage    stage)
{
  return g_object_new (CG_TYPE_RATING_GRID, "stage", stage, "session", session, NULL);
}

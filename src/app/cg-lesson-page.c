/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cg-lesson-page"
#include "config.h"

#include <glib/gi18n.h>

#include "cg-capture-bar.h"
#include "cg-side-scroller.h"
#include "cg-comments.h"
#include "cg-item-list.h"
#include "cg-lesson-page.h"
#include "cg-rating-grid.h"
#include "cg-stage-page.h"

struct _CgLessonPage
{
  GtkWidget parent_instance;

  /* Template widgets */
  GtkLabel *title_label;
  GtkLabel *intro_label;
  GtkBox *prompts_box;
  CgCaptureBar *capture_bar;
  CgRatingGrid *grid;
  CgComments *comments;
  CgItemList *statements;

  /* Owned */
  CgSession *session;
  GSignalGroup *session_signals;
  guint lesson;
};

G_DEFINE_FINAL_TYPE_WITH_CODE (CgLessonPage,
                               cg_lesson_page,
                               GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (CG_TYPE_STAGE_PAGE, NULL))

enum {
  PROP_0,
  PROP_SESSION,
  PROP_STAGE,
  PROP_LESSON,
  N_PROPS
};
static GParamSpec *properties[N_PROPS];

static void
update_text (CgLessonPage *self)
{
  const char *const *prompts = NULL;
  GtkWidget *child;
  g_autofree char *title =
    g_strdup_printf (_("Lesson %u: %s"), self->lesson + 1, cg_lesson_get_title (self->lesson));

  gtk_label_set_text (self->title_label, title);
  gtk_label_set_text (
    self->intro_label,
    self->session != NULL ? cg_session_get_lesson_intro (self->session, self->lesson) : "");
  gtk_widget_set_visible (GTK_WIDGET (self->intro_label),
                          *gtk_label_get_text (self->intro_label) != '\0');
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->prompts_box))) != NULL)
    gtk_box_remove (self->prompts_box, child);
  if (self->session != NULL)
    prompts = cg_session_get_lesson_prompts (self->session, self->lesson);
  if (prompts != NULL && prompts[0] != NULL)
    {
      GtkWidget *heading = g_object_new (GTK_TYPE_LABEL, "label", _("Talk about"),
                                         "accessible-role", GTK_ACCESSIBLE_ROLE_HEADING, NULL);

      gtk_label_set_xalign (GTK_LABEL (heading), 0.0);
      gtk_widget_add_css_class (heading, "prompts-heading");
      gtk_box_append (self->prompts_box, heading);
    }
  for (guint i = 0; prompts != NULL && prompts[i] != NULL; i++)
    {
      g_autofree char *line = g_strdup_printf ("•  %s", prompts[i]);
      GtkWidget *label = gtk_label_new (line);

      gtk_label_set_xalign (GTK_LABEL (label), 0.0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_widget_add_css_class (label, "stage-intro");
      gtk_box_append (self->prompts_box, label);
    }
}

static void
on_session_changed (CgSession    *session,
                    CgChangeKind  kind,
                    guint         a,
                    guint         b,
                    CgLessonPage *self)
{
  if (kind == CG_CHANGE_ALL || (kind == CG_CHANGE_LESSON && a == self->lesson))
    update_text (self);
}

static void
on_private_partner (CgCaptureBar *bar,
                    GParamSpec   *pspec,
                    CgLessonPage *self)
{
  guint partner = cg_capture_bar_get_private_partner (bar);

  cg_rating_grid_set_only_partner (self->grid, partner);
  cg_comments_set_only_partner (self->comments, partner);
}

static void
set_session (CgLessonPage *self,
             CgSession    *session)
{
  if (!g_set_object (&self->session, session))
    return;
  g_signal_group_set_target (self->session_signals, session);
  cg_capture_bar_set_session (self->capture_bar, session);
  cg_rating_grid_set_session (self->grid, session);
  cg_comments_set_session (self->comments, session);
  cg_item_list_set_session (self->statements, session);
  update_text (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
}

guint
cg_lesson_page_get_lesson (CgLessonPage *self)
{
  g_return_val_if_fail (CG_IS_LESSON_PAGE (self), 0);
  return self->lesson;
}

GtkWidget *
cg_lesson_page_get_grid (CgLessonPage *self)
{
  g_return_val_if_fail (CG_IS_LESSON_PAGE (self), NULL);
  return GTK_WIDGET (self->grid);
}

static void
set_lesson (CgLessonPage *self,
            guint         lesson)
{
  CgStage stage = CG_STAGE_FOR_LESSON (lesson);

  self->lesson = lesson;
  cg_capture_bar_set_stage (self->capture_bar, stage);
  cg_rating_grid_set_stage (self->grid, stage);
  cg_comments_set_lesson (self->comments, lesson);
  cg_item_list_set_stage (self->statements, stage);
  update_text (self);
}

static void
cg_lesson_page_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  CgLessonPage *self = CG_LESSON_PAGE (object);

  switch (prop_id)
    {
    case PROP_SESSION: g_value_set_object (value, self->session); break;
    case PROP_STAGE: g_value_set_int (value, CG_STAGE_FOR_LESSON (self->lesson)); break;
    case PROP_LESSON: g_value_set_uint (value, self->lesson); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cg_lesson_page_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  CgLessonPage *self = CG_LESSON_PAGE (object);

  switch (prop_id)
    {
    case PROP_SESSION: set_session (self, g_value_get_object (value)); break;
    case PROP_LESSON: set_lesson (self, g_value_get_uint (value)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cg_lesson_page_dispose (GObject *object)
{
  CgLessonPage *self = CG_LESSON_PAGE (object);
  GtkWidget *child;

  g_signal_group_set_target (self->session_signals, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), CG_TYPE_LESSON_PAGE);
  /* The template's top-level child is not a bound one: drop it too. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->session);
  G_OBJECT_CLASS (cg_lesson_page_parent_class)->dispose (object);
}

static void
cg_lesson_page_finalize (GObject *object)
{
  g_object_unref (CG_LESSON_PAGE (object)->session_signals);
  G_OBJECT_CLASS (cg_lesson_page_parent_class)->finalize (object);
}

static void
cg_lesson_page_class_init (CgLessonPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = cg_lesson_page_get_property;
  object_class->set_property = cg_lesson_page_set_property;
  object_class->dispose = cg_lesson_page_dispose;
  object_class->finalize = cg_lesson_page_finalize;

  properties[PROP_LESSON] =
    g_param_spec_uint ("lesson", NULL, NULL, 0, CG_N_LESSONS - 1, 0,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_property (object_class, PROP_LESSON, properties[PROP_LESSON]);
  properties[PROP_SESSION] =
    cg_stage_page_override_properties (object_class, PROP_SESSION, PROP_STAGE);

  g_type_ensure (CG_TYPE_CAPTURE_BAR);
  g_type_ensure (CG_TYPE_SIDE_SCROLLER);
  g_type_ensure (CG_TYPE_RATING_GRID);
  g_type_ensure (CG_TYPE_COMMENTS);
  g_type_ensure (CG_TYPE_ITEM_LIST);
  gtk_widget_class_set_template_from_resource (
    widget_class, "/io/github/commonground/CommonGround/cg-lesson-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CgLessonPage, title_label);
  gtk_widget_class_bind_template_child (widget_class, CgLessonPage, intro_label);
  gtk_widget_class_bind_template_child (widget_class, CgLessonPage, prompts_box);
  gtk_widget_class_bind_template_child (widget_class, CgLessonPage, capture_bar);
  gtk_widget_class_bind_template_child (widget_class, CgLessonPage, grid);
  gtk_widget_class_bind_template_child (widget_class, CgLessonPage, comments);
  gtk_widget_class_bind_template_child (widget_class, CgLessonPage, statements);
  gtk_widget_class_bind_template_callback (widget_class, on_private_partner);
}

static void
cg_lesson_page_init (CgLessonPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->session_signals = g_signal_group_new (CG_TYPE_SESSION);
  g_signal_group_connect_object (self->session_signals, "changed", G_CALLBACK (on_session_changed),
                                 self, 0);
  set_lesson (self, 0);
}

GtkWidget *
cg_lesson_page_new (guint lesson)
{
  g_return_val_if_fail (lesson < CG_N_LESSONS, NULL);
  return g_object_new (CG_TYPE_LESSON_PAGE, "lesson", lesson, NULL);
}

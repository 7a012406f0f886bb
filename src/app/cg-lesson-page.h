/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cg-lesson-page.h: the stage page of one Vital Lesson: what it means, the
 * prompts, the capture grid of every partner's ratings, comments, and the
 * editable statements.
 */
#pragma once

#include <gtk/gtk.h>
#include "cg-session.h"

G_BEGIN_DECLS

#define CG_TYPE_LESSON_PAGE (cg_lesson_page_get_type ())
G_DECLARE_FINAL_TYPE (CgLessonPage, cg_lesson_page, CG, LESSON_PAGE, GtkWidget)

/* A CgStagePage. @lesson: 0..4 */
GtkWidget *cg_lesson_page_new (guint lesson);
guint cg_lesson_page_get_lesson (CgLessonPage *self);
/* The page's capture grid (a CgRatingGrid). */
GtkWidget *cg_lesson_page_get_grid (CgLessonPage *self);

G_END_DECLS

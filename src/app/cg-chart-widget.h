/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cg-chart-widget.h: one render-floor chart as a widget.
 *
 * The widget's snapshot hands a cairo context to the chart's draw function;
 * colours and font follow the widget's style (light, dark, high contrast
 * from AdwStyleManager; text colour and font from CSS), so zoom and themes
 * apply. Its accessible role is an image whose description is the chart's
 * plain-text summary. It redraws on the session's "changed" signal and
 * never keeps answers of its own.
 */
#pragma once

#include <gtk/gtk.h>
#include "cg-chart-style.h"
#include "cg-session.h"

G_BEGIN_DECLS

typedef enum {
  CG_CHART_KIND_DOTS,    /* one item: set "item-id" */
  CG_CHART_KIND_HEATMAP, /* partners x items: cg_chart_widget_set_items() */
  CG_CHART_KIND_RADAR,   /* the five lessons */
  CG_CHART_KIND_ROLES,   /* the role matrix */
  CG_CHART_KIND_GROUPS,  /* groups x lessons */
} CgChartKind;

GType cg_chart_kind_get_type (void) G_GNUC_CONST;
#define CG_TYPE_CHART_KIND (cg_chart_kind_get_type ())

#define CG_TYPE_CHART_WIDGET (cg_chart_widget_get_type ())
G_DECLARE_FINAL_TYPE (CgChartWidget, cg_chart_widget, CG, CHART_WIDGET, GtkWidget)

GtkWidget *cg_chart_widget_new (CgChartKind kind);
CgChartKind cg_chart_widget_get_kind (CgChartWidget *self);
CgSession *cg_chart_widget_get_session (CgChartWidget *self);
void cg_chart_widget_set_session (CgChartWidget *self, CgSession *session);
guint cg_chart_widget_get_item_id (CgChartWidget *self);
void cg_chart_widget_set_item_id (CgChartWidget *self, guint item_id);
/* The heat map's columns; NULL/0 = every statement, then the aims. */
void cg_chart_widget_set_items (CgChartWidget *self, const guint *item_ids, guint n_items);
/* The smallest text the chart may draw, in pixels (the presentation view
 * asks for projector sizes); charts then wrap or cut rather than shrink. */
void cg_chart_widget_set_min_font_px (CgChartWidget *self, double px);
/* May be given less height than it asks for: it then fits itself in (the
 * radar shrinks; text never below the minimum size). */
void cg_chart_widget_set_shrink (CgChartWidget *self, gboolean shrink);
/* A dot strip without its item label and text (shown beside it). */
void cg_chart_widget_set_hide_item_title (CgChartWidget *self, gboolean hide);
/* The style the widget draws with now (font_family is not the widget's). */
void cg_chart_widget_get_style (CgChartWidget *self, CgChartStyle *style);
/* The accessible description as last set (for tests). */
const char *cg_chart_widget_get_description (CgChartWidget *self);

G_END_DECLS

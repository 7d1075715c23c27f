package dev.elec.trainer.eval;

import dev.elec.trainer.fit.CurvePoint;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** PNG charts beside the report: validation curves of one seed, and the ablation of paired AUC deltas. */
public final class Charts {
    private Charts() {
    }

    public static void curves(Map<String, List<CurvePoint>> curves, long seed, Path png) {
        XYChart chart = new XYChartBuilder().width(900).height(560)
                .title("Validation AUC while training (seed " + seed + ")")
                .xAxisTitle("epoch").yAxisTitle("validation AUC").build();
        for (Map.Entry<String, List<CurvePoint>> entry : curves.entrySet()) {
            List<CurvePoint> points = entry.getValue();
            if (points.isEmpty()) {
                continue;
            }
            chart.addSeries(entry.getKey(), points.stream().map(CurvePoint::epoch).toList(),
                    points.stream().map(CurvePoint::validationAuc).toList());
        }
        save(chart, png);
    }

    public static void ablation(Evaluation evaluation, Path png) {
        List<String> names = new ArrayList<>();
        List<Double> means = new ArrayList<>();
        List<Double> errors = new ArrayList<>();
        for (String variant : evaluation.scores().keySet()) {
            if (evaluation.scores().get(variant).isEmpty()) {
                continue;
            }
            Summary delta = evaluation.delta(variant);
            names.add(variant);
            means.add(delta.mean());
            errors.add(delta.std());
        }
        CategoryChart chart = new CategoryChartBuilder().width(900).height(560)
                .title("Test AUC minus vanilla_baseline (paired by seed, mean +- std)")
                .xAxisTitle("variant").yAxisTitle("delta AUC").build();
        chart.getStyler().setLegendVisible(false);
        chart.addSeries("delta AUC", names, means, errors);
        save(chart, png);
    }

    private static void save(org.knowm.xchart.internal.chartpart.Chart<?, ?> chart, Path png) {
        try {
            BitmapEncoder.saveBitmap(chart, png.toString(), BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write chart " + png + ": " + e.getMessage(), e);
        }
    }
}

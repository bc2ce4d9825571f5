/* Draws the charts of a crmkit report from the JSON figures embedded in the page. */
(function () {
  'use strict';
  var blue = '#3b6fb6', palette = ['#3b6fb6', '#e0873a', '#4aa37a', '#c0504d', '#8064a2', '#4bacc6',
    '#f2c14e', '#7f7f7f', '#9bbb59', '#d16ba5'];

  function figures(name) {
    return JSON.parse(document.getElementById('chart-' + name).textContent);
  }

  function bars(labels, values, options) {
    return {
      color: [options.color || blue],
      grid: {left: 60, right: 30, top: 50, bottom: 60, containLabel: true},
      tooltip: {trigger: 'axis'},
      title: {text: options.title, subtext: options.subtext || '', left: 'center'},
      xAxis: {type: 'category', data: labels, name: options.xName || '', nameLocation: 'middle', nameGap: 35},
      yAxis: {type: 'value', name: options.yName || '', max: options.max},
      series: [{type: 'bar', data: values, barMaxWidth: 60, itemStyle: options.itemStyle || {},
        label: {show: true, position: 'top', formatter: options.label || '{c}'}}]
    };
  }

  var drawings = {
    tiers: function (d) {
      return {
        color: palette,
        title: {text: 'Customers per value tier', left: 'center'},
        tooltip: {trigger: 'item', formatter: '{b}: {c} ({d}%)'},
        legend: {bottom: 0},
        series: [{type: 'pie', radius: ['35%', '65%'], center: ['50%', '50%'],
          label: {formatter: '{b}: {c} ({d}%)'},
          data: d.labels.map(function (label, i) { return {name: label, value: d.values[i]}; })}]
      };
    },
    stages: function (d) {
      var option = bars(d.labels, d.values, {title: 'Customers per lifecycle stage', xName: 'stage, in lifecycle order',
        yName: 'customers', itemStyle: {color: function (p) { return palette[p.dataIndex % palette.length]; }}});
      option.tooltip = {trigger: 'item', formatter: '{b}: {c}'};
      return option;
    },
    rfm: function (d) {
      var max = 0;
      var cells = d.cells.map(function (c) {
        max = Math.max(max, c[2]);
        return [c[1] - 1, c[0] - 1, c[2]];
      });
      return {
        title: {text: 'RFM grid: recency × frequency', left: 'center',
          subtext: d.currency ? 'customers per score pair; monetary in ' + d.currency : 'nobody bought'},
        tooltip: {formatter: function (p) {
          var c = d.cells.filter(function (x) { return x[1] - 1 === p.value[0] && x[0] - 1 === p.value[1]; })[0];
          return 'R ' + c[0] + ', F ' + c[1] + ': ' + c[2] + ' customers, monetary ' + c[3];
        }},
        grid: {left: 80, right: 40, top: 70, bottom: 90},
        xAxis: {type: 'category', data: ['F 1', 'F 2', 'F 3', 'F 4', 'F 5'], name: 'frequency score',
          nameLocation: 'middle', nameGap: 30, splitArea: {show: true}},
        yAxis: {type: 'category', data: ['R 1', 'R 2', 'R 3', 'R 4', 'R 5'], name: 'recency score',
          nameLocation: 'middle', nameGap: 50, splitArea: {show: true}},
        visualMap: {min: 0, max: Math.max(max, 1), calculable: true, orient: 'horizontal', left: 'center',
          bottom: 5, inRange: {color: ['#f7fbff', '#9ecae1', '#3182bd', '#08306b']}},
        series: [{type: 'heatmap', data: cells,
          label: {show: true, color: '#111', textBorderColor: '#fff', textBorderWidth: 2},
          emphasis: {itemStyle: {borderColor: '#333', borderWidth: 1}}}]
      };
    },
    duplicates: function (d) {
      return bars(d.labels.map(function (size) { return size + ' records'; }), d.values, {
        title: 'Duplicate clusters merged',
        subtext: d.merges + ' merges absorbed ' + d.absorbedCustomers + ' customers; ' + d.reviewPending
          + ' pairs wait for review',
        xName: 'records merged into one golden record', yName: 'golden records', color: '#e0873a'});
    },
    quality: function (d) {
      return bars(d.labels, d.values, {
        title: 'Data-quality scores (0-100)', max: 100, yName: 'score',
        itemStyle: {color: function (p) { return p.value >= 90 ? '#4aa37a' : p.value >= 70 ? '#f2c14e' : '#c0504d'; }}
      });
    }
  };

  var elements = document.querySelectorAll('[data-chart]');
  var finished = 0;
  var charts = [];
  Array.prototype.forEach.call(elements, function (element) {
    var name = element.getAttribute('data-chart');
    var chart = echarts.init(element, null, {renderer: 'canvas'});
    var counted = false;
    chart.on('finished', function () {
      if (!counted) {
        counted = true;
        finished++;
        if (finished === elements.length) {
          document.body.setAttribute('data-rendered', String(finished));
        }
      }
    });
    var option = drawings[name](figures(name));
    option.animation = false;
    chart.setOption(option);
    charts.push(chart);
  });
  window.addEventListener('resize', function () {
    charts.forEach(function (chart) { chart.resize(); });
  });
})();

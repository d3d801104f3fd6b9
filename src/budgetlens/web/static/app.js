// budgetlens pages: upload progress, job polling and charts. Plain JavaScript, no external files.
"use strict";

function uploadWithProgress(form) {
  const box = document.getElementById("upload-progress");
  const bar = box.querySelector(".bar");
  const label = box.querySelector(".label");
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const request = new XMLHttpRequest();
    request.open("POST", form.action);
    box.hidden = false;
    request.upload.onprogress = (e) => {
      if (e.lengthComputable) {
        const share = Math.round((e.loaded / e.total) * 100);
        bar.style.width = share + "%";
        label.textContent = "正在上传 " + share + "%";
      }
    };
    request.onload = () => {
      if (request.status >= 200 && request.status < 400 && request.responseURL.indexOf("/jobs") >= 0) {
        window.location.href = request.responseURL;
      } else {
        document.open(); document.write(request.responseText); document.close();
      }
    };
    request.onerror = () => { label.textContent = "上传失败：无法连接服务器"; };
    request.send(new FormData(form));
  });
}

function pollJobs(table) {
  const rows = Array.from(table.querySelectorAll("tr[data-job]"));
  const tick = () => {
    Promise.all(rows.map((row) => fetch("/api/v1/jobs/" + row.dataset.job).then((r) => r.json()))).then((jobs) => {
      let pending = 0;
      jobs.forEach((job, i) => {
        const row = rows[i];
        row.className = "job job-" + job.status;
        row.querySelector(".status").textContent = job.status_name;
        const result = row.querySelector(".result");
        result.textContent = job.reason || "";
        if (job.document_id) {
          const link = document.createElement("a");
          link.href = "/documents/" + job.document_id;
          link.textContent = "查看审校结果";
          result.prepend(link);
        }
        if (!job.done) pending += 1;
      });
      if (pending) setTimeout(tick, 700);
    });
  };
  tick();
}

function drawChart(element) {
  if (typeof echarts === "undefined") return;
  const data = JSON.parse(element.dataset.values);
  const chart = echarts.init(element);
  chart.setOption({
    animation: false, // drawn at once: printed pages and screenshots show the whole chart
    title: { text: element.dataset.title, left: 0, textStyle: { fontSize: 14 } },
    tooltip: { trigger: "axis" },
    legend: { top: 28 },
    grid: { top: 64, left: 60, right: 20, bottom: 40 },
    xAxis: { type: "category", data: data.categories },
    yAxis: { type: "value" },
    series: Object.entries(data.series).map(([name, values]) => ({
      name, type: element.dataset.chart, data: values.map((v) => (v === null ? null : Number(v))),
    })),
  });
  window.addEventListener("resize", () => chart.resize());
}

document.addEventListener("DOMContentLoaded", () => {
  const form = document.getElementById("upload");
  if (form) uploadWithProgress(form);
  const jobs = document.getElementById("jobs");
  if (jobs && jobs.dataset.poll === "yes") pollJobs(jobs);
  document.querySelectorAll("[data-chart]").forEach(drawChart);
  const all = document.getElementById("select-all");
  if (all) {
    all.addEventListener("change", () => {
      document.querySelectorAll("input[name=unit]").forEach((box) => { box.checked = all.checked; });
    });
  }
});
